// Walks a calendars directory and hands each TOML document to its loader.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "load/input_limits.hpp"
#include "load/loader.hpp"
#include "load/reader.hpp"
#include "load/utf8.hpp"

namespace kaowu {
namespace fs = std::filesystem;

namespace {
// Paths under the current directory are shown relative to it, as compilers do.
std::string display_path(const fs::path& p) {
  std::error_code ec;
  fs::path absolute = fs::absolute(p, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(fs::current_path(ec));
  if (!ec && !relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return p.lexically_normal().generic_string();
}

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

Project load_project(const std::string& root, DiagnosticSink& sink, SourceMap& sources) {
  Project project;
  project.root = root;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    sink.report(DiagKind::io_error, Location{root, 0, 0, 0}, {"'" + root + "' is not a directory"});
    return project;
  }
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (p.extension() == ".toml" && it->is_regular_file(ec)) files.push_back(p);
  }
  if (ec) sink.report(DiagKind::io_error, Location{root, 0, 0, 0}, {ec.message()});
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::string display = display_path(p);
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      sink.report(DiagKind::io_error, Location{display, 0, 0, 0}, {"cannot read '" + display + "'"});
      continue;
    }
    // Never more than one block past the limit into memory, however large the file is. (A
    // string sized to the limit up front cost a 1 MiB memset per file and kept the capacity in
    // the source map: 540 MB and 0.4 s for `kaowu check` of the national-scale benchmark.)
    std::string text;
    char block[1 << 16];
    while (text.size() <= kMaxFileBytes) {
      in.read(block, sizeof block);
      text.append(block, static_cast<size_t>(in.gcount()));
      if (!in) break;
    }
    if (text.size() > kMaxFileBytes) {
      std::error_code size_ec;
      auto size = fs::file_size(p, size_ec);
      sink.report(DiagKind::file_too_large, Location{display, 1, 1, 0},
                  {size_ec ? "> " + std::to_string(kMaxFileBytes) : std::to_string(size),
                   std::to_string(kMaxFileBytes)});
      continue;
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // so carets line up on line 1
    load_document(text, display, project, sink);
    sources.add(display, std::move(text));
  }
  return project;
}

} // namespace kaowu
