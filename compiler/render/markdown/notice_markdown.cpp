#include "render/markdown/notice_markdown.hpp"

#include "text/toml_string.hpp"

#include <string_view>

#include "model/history.hpp"

namespace kaowu {

namespace {

// Backslash-escapes what Markdown would read as markup, so a value is plain text wherever it
// lands in a sentence; a value that opens a line could also start a list or a rule.
std::string md_escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool markup = std::string_view("\\`*_[]<>|#~&!").find(c) != std::string_view::npos;
    bool opens_block = i == 0 && (c == '-' || c == '+' || c == '=');
    if (markup || opens_block) out += '\\';
    out += c;
  }
  return out;
}

std::string table_markdown(const std::vector<TextTable>& tables) {
  std::string out;
  for (const TextTable& t : tables) {
    if (!t.caption.empty()) out += "**" + md_escape(t.caption) + "**\n\n";
    if (t.rows.empty()) {
      if (!t.note.empty()) out += md_escape(t.note) + "\n\n";
      continue;
    }
    auto row = [&](const std::vector<std::string>& cells) {
      std::string line = "|";
      for (const std::string& cell : cells) line += cell.empty() ? " |" : " " + md_escape(cell) + " |";
      return line + "\n";
    };
    out += row(t.header);
    out += "|";
    for (size_t i = 0; i < t.header.size(); ++i) out += " --- |";
    out += "\n";
    for (const auto& r : t.rows) out += row(r);
    out += "\n";
  }
  return out;
}

} // namespace

std::string bound_markdown(const BoundNotice& notice) {
  const std::string md = notice.markdown();
  std::string out;
  out.reserve(md.size() + md.size() / 2);
  for (size_t i = 0; i < md.size();) {
    if (md.compare(i, kValueOpen.size(), kValueOpen) == 0) {
      size_t p = i + kValueOpen.size(), index = 0;
      while (p < md.size() && md[p] >= '0' && md[p] <= '9') index = index * 10 + static_cast<size_t>(md[p++] - '0');
      if (md.compare(p, kValueClose.size(), kValueClose) == 0 && index < notice.values.size()) {
        const PlaceholderValue& v = *notice.values[index];
        if (v.kind == PlaceholderValue::Kind::tables) out += table_markdown(v.tables);
        else if (v.kind == PlaceholderValue::Kind::url) out += "<" + v.text + ">";
        else out += md_escape(v.text);
        i = p + kValueClose.size();
        continue;
      }
    }
    out += md[i++];
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

Artifact notice_markdown(const BoundNotice& bn) {
  const Notice& n = *bn.notice;
  const Calendar& cal = *bn.calendar->calendar;
  std::string front = "+++\ntitle = " + toml_string(n.title.value) + "\n";
  if (n.date) front += "date = " + n.date->date.iso() + "\n";
  if (!n.document.empty()) front += "document = " + toml_string(n.document) + "\n";
  // A calendar with a revision history: the revision whose values the export shows.
  if (bn.calendar->history) front += "revision = " + std::to_string(bn.revision) + "\n";
  front += "calendar = " + toml_string(cal.id.value) + "\n";
  front += "calendar_title = " + toml_string(cal.title) + "\n";
  front += "issuer = " + toml_string(cal.issuer) + "\n+++\n";
  return Artifact{cal.id.value + "/" + n.slug + ".md", "text/markdown; charset=utf-8", front + bound_markdown(bn)};
}

} // namespace kaowu
