// Walks a calendars directory and hands each TOML document to its loader.
#include <algorithm>

#include "load/fullwidth.hpp"
#include "load/input_limits.hpp"
#include "load/loader.hpp"
#include "load/reader.hpp"
#include "load/tree_walk.hpp"
#include "load/utf8.hpp"

namespace kaowu {
namespace {
// The document id a broken file most likely declares: the first `id = "…"` line.
void remember_declared_id(std::string_view text, const std::string& path, Project& project) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.rfind("id", 0) == 0) {
      line.remove_prefix(2);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      if (!line.empty() && line.front() == '=') {
        size_t open = line.find('"'), close = line.find('"', open + 1);
        if (open != std::string_view::npos && close != std::string_view::npos) {
          project.ids_in_broken_files.emplace(std::string(line.substr(open + 1, close - open - 1)), path);
          return;
        }
      }
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
}

bool only_whitespace(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}
} // namespace

void load_document(std::string_view text, const std::string& path, Project& project,
                   DiagnosticSink& sink) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3); // a BOM is harmless
  if (only_whitespace(text)) {
    sink.report(DiagKind::empty_file, Location{path, 1, 1, 0});
    return;
  }
  if (!within_input_limits(text, path, sink)) return;
  if (auto bad = first_invalid_utf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(text[*bad]));
    sink.report(DiagKind::invalid_utf8, location_at(text, *bad, path), {hex});
    return;
  }
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    Location loc = location_of(e.source());
    if (loc.file.empty()) loc.file = path;
    loc.end_column = 0;
    // A Chinese input method's “ ” ＝ ， on the line is the likely cause: say so, at the mark.
    if (auto mark = full_width_mark(text, loc.line, path))
      sink.report(DiagKind::full_width_punctuation, mark->loc, {mark->mark, mark->ascii});
    else
      sink.report(DiagKind::toml_syntax, loc, {std::string(e.description())});
    remember_declared_id(text, path, project);
    return;
  }
  if (root.empty()) { // only blank lines and comments
    sink.report(DiagKind::empty_file, Location{path, 1, 1, 0});
    return;
  }
  if (root.contains("calendar")) load_calendar(root, path, project, sink);
  else if (root.contains("catalogue")) load_catalogue(root, path, project, sink);
  else if (root.contains("holidays")) load_holidays(root, path, project, sink);
  else if (root.contains("rules")) load_rules(root, path, project, sink);
  else {
    Location loc{path, 1, 1, 0};
    if (!root.empty()) loc = location_of(root.begin()->first.source());
    if (loc.file.empty()) loc.file = path;
    sink.report(DiagKind::unknown_document, loc);
  }
}

Project load_project(const SourceTree& tree, DiagnosticSink& sink, SourceMap& sources) {
  Project project;
  project.root = tree.display_root();
  if (tree.type("") != EntryType::directory) {
    std::string shown = tree.display_root().empty() ? "." : tree.display_root();
    sink.report(DiagKind::io_error, Location{shown, 0, 0, 0}, {"'" + shown + "' is not a directory"});
    return project;
  }
  std::vector<std::string> files;
  walk_tree(tree, "", sink, [&](const std::string& path, const TreeEntry& e, int) {
    if (e.type == EntryType::directory) return true;
    if (ends_with(e.name, ".toml")) files.push_back(path);
    else if (near_miss(e.name, ".toml"))
      sink.report_localized(DiagKind::ignored_file, Location{tree.display(path), 0, 0, 0},
                            {tree.display(path), "calendars are read from files whose names end in .toml"},
                            {tree.display(path), "只读取文件名以 .toml 结尾的日程文件"});
    return false;
  });
  // The walk goes depth first in name order: files come in path order, component by component,
  // whatever order the file system lists them in.
  for (const std::string& path : files) {
    std::optional<std::string> text = read_source(tree, path, kMaxFileBytes, sink);
    if (!text) continue;
    std::string display = tree.display(path);
    if (text->rfind("\xEF\xBB\xBF", 0) == 0) text->erase(0, 3); // so carets line up on line 1
    load_document(*text, display, project, sink);
    sources.add(display, std::move(*text));
  }
  return project;
}

} // namespace kaowu
