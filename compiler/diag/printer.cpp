#include "diag/printer.hpp"

#include <map>
#include <utility>

#include <nlohmann/json.hpp>

namespace kaowu {
namespace {

const char* severity_word(Severity s) {
  switch (s) {
  case Severity::error: return "error";
  case Severity::warning: return "warning";
  case Severity::note: return "note";
  }
  return "?";
}

const std::string& pick(const Bilingual& b, Lang lang) { return lang == Lang::zh ? b.zh : b.en; }

// Control characters from input (an ESC in a quoted line or a key) would drive the terminal;
// each is shown as U+FFFD, one column wide like the character it replaces, so carets still line up.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7F) out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

struct Style {
  bool on;
  const char* bold() const { return on ? "\x1b[1m" : ""; }
  const char* red() const { return on ? "\x1b[1;31m" : ""; }
  const char* yellow() const { return on ? "\x1b[1;33m" : ""; }
  const char* cyan() const { return on ? "\x1b[1;36m" : ""; }
  const char* reset() const { return on ? "\x1b[0m" : ""; }
};

void print_location(std::ostream& out, const Location& loc) {
  if (!loc.known()) {
    if (!loc.file.empty()) out << printable(loc.file) << ": ";
    return;
  }
  out << printable(loc.file) << ':' << loc.line << ':' << loc.column << ": ";
}

// The quoted source line and a caret (with ~ under the rest of the value), aligned by display
// width so that Chinese text before the value does not shift the caret.
// A line longer than kLongLine bytes is quoted from kContext characters before the caret to
// kContext after the value (at most kContext of which are underlined), "…" marking each cut: a
// pasted 1 MB line stays one screen line.
constexpr size_t kLongLine = 240;
constexpr unsigned kContext = 60;

void print_snippet(std::ostream& out, const Location& loc, const SourceMap& sources, const Style& st) {
  if (!loc.known()) return;
  std::string_view text = sources.line(loc.file, loc.line);
  if (text.empty()) return;
  unsigned column = loc.column, end_column = loc.end_column;
  std::string before, after;
  if (text.size() > kLongLine) {
    unsigned from = column > kContext ? column - kContext : 1;
    // A long value is underlined for kContext characters only.
    unsigned stop = std::min(std::max(column, end_column), column + kContext);
    if (end_column > stop) end_column = stop;
    size_t first = byte_offset_of_column(text, from);
    size_t last = byte_offset_of_column(text, stop + kContext);
    if (first > 0) before = "…";
    if (last < text.size()) after = "…";
    text = text.substr(first, last - first);
    column = column - from + 1 + (first > 0 ? 1 : 0);
    if (end_column > 0) end_column = end_column - from + 1 + (first > 0 ? 1 : 0);
  }
  std::string number = std::to_string(loc.line);
  std::string gutter(number.size(), ' ');
  out << ' ' << st.cyan() << number << " |" << st.reset() << ' ' << before << printable(text) << after << '\n';
  std::string shown = before + std::string(text);
  size_t start = byte_offset_of_column(shown, column);
  size_t pad = display_width(std::string_view(shown).substr(0, start));
  size_t underline = 1;
  if (end_column > column) {
    size_t end = byte_offset_of_column(shown, end_column);
    underline = std::max<size_t>(1, display_width(std::string_view(shown).substr(start, end - start)));
  }
  out << ' ' << st.cyan() << gutter << " |" << st.reset() << ' ' << std::string(pad, ' ')
      << st.red() << '^' << std::string(underline - 1, '~') << st.reset() << '\n';
}

} // namespace

// One slip repeated (60,000 unknown keys, a pasted list of 5,000 days) would fill pages with one
// message: past kSameKindShown diagnostics of one kind in one file the rest are counted and
// named in one line. --format json reports every one.
constexpr size_t kSameKindShown = 20;

void print_text(std::ostream& out, const DiagnosticSink& sink, const SourceMap& sources, Lang lang,
                bool color) {
  Style st{color};
  std::map<std::pair<std::string, int>, size_t> seen; // (file, code) -> diagnostics
  for (const Diagnostic& d : sink.sorted()) {
    const KindInfo& k = info(d.kind);
    if (++seen[{d.loc.file, k.code}] > kSameKindShown) continue;
    out << st.bold();
    print_location(out, d.loc);
    out << (d.severity == Severity::error ? st.red() : st.yellow()) << severity_word(d.severity)
        << '[' << code_string(k.code) << ']' << st.reset() << st.bold() << ": "
        << printable(pick(d.message, lang)) << st.reset() << '\n';
    print_snippet(out, d.loc, sources, st);
    for (const Note& n : d.notes) {
      out << st.bold();
      print_location(out, n.loc);
      out << st.reset() << "note: " << printable(pick(n.text, lang)) << '\n';
      print_snippet(out, n.loc, sources, st);
    }
    std::string hint = d.help ? pick(*d.help, lang)
                              : std::string(lang == Lang::zh ? k.hint_zh : k.hint_en);
    if (!hint.empty()) out << "  = " << (lang == Lang::zh ? "提示：" : "help: ") << printable(hint) << '\n';
  }
  for (const auto& [where, count] : seen) {
    if (count <= kSameKindShown) continue;
    std::string more = std::to_string(count - kSameKindShown), code = code_string(where.second);
    out << st.bold() << printable(where.first.empty() ? "kaowu" : where.first) << ": " << st.reset()
        << (lang == Lang::zh ? "note: 另有 " + more + " 条 " + code + " 未显示（--format json 列出全部）"
                             : "note: " + more + " more " + code + " not shown (--format json lists every one)")
        << '\n';
  }
}

std::string summary_line(const DiagnosticSink& sink, Lang lang) {
  size_t errors = sink.error_count(), warnings = sink.warning_count();
  if (lang == Lang::zh)
    return std::to_string(errors) + " 个错误，" + std::to_string(warnings) + " 个警告";
  return std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") +
         std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
}

void print_json(std::ostream& out, const DiagnosticSink& sink, Lang lang) {
  auto location = [](const Location& loc) {
    nlohmann::ordered_json j;
    j["file"] = loc.file.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(loc.file);
    j["line"] = loc.line ? nlohmann::ordered_json(loc.line) : nlohmann::ordered_json();
    j["column"] = loc.column ? nlohmann::ordered_json(loc.column) : nlohmann::ordered_json();
    j["end_column"] = loc.end_column ? nlohmann::ordered_json(loc.end_column) : nlohmann::ordered_json();
    return j;
  };
  nlohmann::ordered_json report;
  report["format"] = "kaowu-diagnostics";
  report["version"] = 1;
  report["lang"] = lang == Lang::zh ? "zh" : "en";
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Diagnostic& d : sink.sorted()) {
    const KindInfo& k = info(d.kind);
    nlohmann::ordered_json j;
    j["code"] = code_string(k.code);
    j["slug"] = k.slug;
    j["severity"] = severity_word(d.severity);
    j["message"] = pick(d.message, lang);
    j["location"] = location(d.loc);
    j["help"] = d.help ? pick(*d.help, lang) : std::string(lang == Lang::zh ? k.hint_zh : k.hint_en);
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const Note& n : d.notes) {
      nlohmann::ordered_json nj;
      nj["message"] = pick(n.text, lang);
      nj["location"] = location(n.loc);
      notes.push_back(std::move(nj));
    }
    j["notes"] = std::move(notes);
    list.push_back(std::move(j));
  }
  report["diagnostics"] = std::move(list);
  report["summary"] = {{"errors", sink.error_count()}, {"warnings", sink.warning_count()}};
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

} // namespace kaowu
