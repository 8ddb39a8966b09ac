#include "load/notice_loader.hpp"

#include <algorithm>
#include <cstdio>

#include "load/fullwidth.hpp"
#include "load/input_limits.hpp"
#include "load/reader.hpp"
#include "load/site_sources.hpp"
#include "load/tree_walk.hpp"
#include "load/utf8.hpp"

namespace kaowu {
namespace {

// The line [pos, end of line) without its line ending, and where the next line starts.
std::string_view line_at(std::string_view text, size_t pos, size_t& next) {
  size_t end = text.find('\n', pos);
  next = end == std::string_view::npos ? text.size() : end + 1;
  std::string_view line = text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "+++";
}

} // namespace

std::optional<Notice> parse_notice(std::string_view text, const std::string& path,
                                   const std::string& calendar_id, const std::string& slug,
                                   DiagnosticSink& sink) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto bad = first_invalid_utf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(text[*bad]));
    sink.report(DiagKind::invalid_utf8, location_at(text, *bad, path), {hex});
    return std::nullopt;
  }
  // Characters XML and iCalendar cannot carry would make atom.xml invalid; U+FFFE and U+FFFF
  // are also the markers the bind stage puts where values go.
  if (auto bad = first_forbidden_character(text)) {
    sink.report(DiagKind::control_character, location_at(text, bad->offset, path),
                {"the notice", bad->name});
    return std::nullopt;
  }
  size_t next = 0;
  if (!is_fence(line_at(text, 0, next))) {
    sink.report(DiagKind::notice_front_matter, Location{path, 1, 1, 0});
    return std::nullopt;
  }
  // Find the closing fence; count lines so the body keeps its place in the file.
  size_t front_start = next, pos = next;
  uint32_t line_no = 2;
  std::optional<size_t> front_end;
  while (pos < text.size()) {
    size_t after = 0;
    if (is_fence(line_at(text, pos, after))) {
      front_end = pos;
      pos = after;
      ++line_no;
      break;
    }
    pos = after;
    ++line_no;
  }
  if (!front_end) {
    sink.report(DiagKind::notice_front_matter, Location{path, 1, 1, 0});
    return std::nullopt;
  }
  // One leading newline keeps toml++'s line numbers equal to the file's.
  std::string front = "\n" + std::string(text.substr(front_start, *front_end - front_start));
  // toml++ recurses once per table of a dotted key: a deep one would exhaust the stack.
  if (!within_input_limits(front, path, sink)) return std::nullopt;
  toml::table root;
  try {
    root = toml::parse(std::string_view(front), std::string_view(path));
  } catch (const toml::parse_error& e) {
    Location loc = location_of(e.source());
    if (loc.file.empty()) loc.file = path;
    loc.end_column = 0;
    // A Chinese input method's “ ” ＝ ， on the line is the likely cause: say so, at the mark.
    if (auto mark = full_width_mark(text, loc.line, path))
      sink.report(DiagKind::full_width_punctuation, mark->loc, {mark->mark, mark->ascii});
    else
      sink.report(DiagKind::toml_syntax, loc, {std::string(e.description())});
    return std::nullopt;
  }
  Notice n;
  n.calendar_id = calendar_id;
  n.slug = slug;
  n.file = path;
  n.loc = Location{path, 1, 1, 0};
  size_t errors_before = sink.error_count();
  TableReader reader(root, Bilingual{"the notice's front matter", "通知文件头"}, sink);
  if (auto t = reader.text("title", TableReader::required)) n.title = *t;
  n.date = reader.date("date", TableReader::required);
  if (auto d = reader.text("document")) n.document = d->value;
  if (auto r = reader.integer("revision", 1, 1000)) {
    n.revision = static_cast<int>(*r);
    n.revision_loc = reader.loc_of("revision");
  }
  reader.finish();
  if (!is_valid_id(slug))
    sink.report(DiagKind::invalid_id, Location{path, 0, 0, 0}, {slug});
  if (sink.error_count() > errors_before) return std::nullopt;
  n.body = std::string(text.substr(std::min(pos, text.size())));
  n.body_line = line_no;
  return n;
}

std::vector<Notice> load_notices(const SourceTree& tree, DiagnosticSink& sink, SourceMap& sources) {
  std::vector<Notice> out;
  if (tree.type("") != EntryType::directory) return out;
  auto ignored = [&](const std::string& path, const char* en, const char* zh) {
    sink.report_localized(DiagKind::ignored_file, Location{tree.display(path), 0, 0, 0},
                          {tree.display(path), en}, {tree.display(path), zh});
  };
  std::vector<std::string> files;
  walk_tree(tree, "", sink, [&](const std::string& path, const TreeEntry& e, int depth) {
    bool markdown = ends_with(e.name, ".md");
    if (e.type == EntryType::directory) {
      if (depth == 0) return true; // notices/<calendar-id>/
      ignored(path, "notices are read from notices/<calendar-id>/<name>.md, not from sub-folders",
              "只读取 notices/<日程 id>/<名称>.md，不读取更深的子目录");
      return false;
    }
    if (depth == 0 && (markdown || near_miss(e.name, ".md")))
      ignored(path, "notices are read from notices/<calendar-id>/<name>.md: put it in the folder of its calendar",
              "只读取 notices/<日程 id>/<名称>.md：请放入对应日程的目录");
    else if (depth == 1 && markdown)
      files.push_back(path);
    else if (depth == 1 && near_miss(e.name, ".md"))
      ignored(path, "notices are read from files whose names end in .md",
              "只读取文件名以 .md 结尾的通知");
    return false;
  });
  for (const std::string& path : files) {
    std::optional<std::string> text = read_source(tree, path, kMaxNoticeBytes, sink);
    if (!text) continue;
    std::string shown = tree.display(path);
    size_t slash = path.find('/');
    std::string calendar_id = path.substr(0, slash);
    std::string slug = path.substr(slash + 1, path.size() - slash - 1 - 3);
    auto notice = parse_notice(*text, shown, calendar_id, slug, sink);
    sources.add(shown, std::move(*text));
    if (notice) out.push_back(std::move(*notice));
  }
  return out;
}

} // namespace kaowu
