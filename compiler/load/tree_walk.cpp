#include "load/tree_walk.hpp"

#include <algorithm>
#include <cctype>

namespace kaowu {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool near_miss(const std::string& name, const std::string& extension) {
  if (ends_with(name, extension)) return false;
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ends_with(lower, extension)) return true;        // x.TOML
  return lower.find(extension + ".") != std::string::npos // x.toml.txt, x.toml.bak
         || ends_with(lower, extension + "~");            // an editor's backup
}

namespace {
void walk(const SourceTree& tree, const std::string& dir, int depth, DiagnosticSink& sink,
          const std::function<bool(const std::string&, const TreeEntry&, int)>& visit,
          const std::function<bool(const std::string&)>& keep_hidden) {
  Listing listing = tree.list(dir);
  if (!listing.error.empty()) {
    std::string shown = tree.display(dir);
    sink.report(DiagKind::io_error, Location{shown, 0, 0, 0},
                {"cannot read the directory '" + shown + "': " + listing.error});
    return;
  }
  for (const TreeEntry& e : listing.entries) {
    if (!e.name.empty() && e.name[0] == '.' && !(keep_hidden && keep_hidden(e.name))) continue;
    std::string path = join_path(dir, e.name);
    if (e.outside) {
      sink.report(DiagKind::link_outside, Location{tree.display(path), 0, 0, 0},
                  {tree.display(path), tree.display_root().empty() ? "." : tree.display_root()});
      continue;
    }
    if (e.type == EntryType::directory) {
      if (depth + 1 > kMaxTreeDepth) {
        sink.report(DiagKind::tree_too_deep, Location{tree.display(path), 0, 0, 0},
                    {tree.display(path), std::to_string(kMaxTreeDepth)});
        continue;
      }
      if (visit(path, e, depth)) walk(tree, path, depth + 1, sink, visit, keep_hidden);
    } else if (e.type == EntryType::file) {
      visit(path, e, depth);
    }
    // Anything else (a socket, a FIFO that would block the read) is not an input.
  }
}
} // namespace

void walk_tree(const SourceTree& tree, const std::string& dir, DiagnosticSink& sink,
               const std::function<bool(const std::string&, const TreeEntry&, int)>& visit,
               const std::function<bool(const std::string&)>& keep_hidden) {
  walk(tree, dir, 0, sink, visit, keep_hidden);
}

std::optional<std::string> read_source(const SourceTree& tree, const std::string& path, size_t cap,
                                       DiagnosticSink& sink) {
  FileBytes file = tree.read(path, cap);
  std::string shown = tree.display(path);
  if (!file.error.empty()) {
    sink.report(DiagKind::io_error, Location{shown, 0, 0, 0}, {"cannot read '" + shown + "': " + file.error});
    return std::nullopt;
  }
  if (file.too_large) {
    sink.report(DiagKind::file_too_large, Location{shown, 1, 1, 0},
                {std::to_string(file.size), std::to_string(cap)});
    return std::nullopt;
  }
  return std::move(file.bytes);
}

} // namespace kaowu
