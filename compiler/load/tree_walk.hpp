#pragma once
#include <functional>
#include <optional>
#include <string>

#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "io/source_tree.hpp"

namespace kaowu {

// Directories below an input root nest at most this deep (calendars/regions/x.toml is 2); a
// deeper tree is a mistake, or a link to a parent folder that would never end.
inline constexpr int kMaxTreeDepth = 12;

// Visits every entry below `dir` of `tree`, depth first in name order. Hidden entries (".git",
// ".DS_Store") are skipped unless `keep_hidden` accepts the name. The walk itself reports what
// no caller may skip: a directory it cannot read (io-error, with the operating system's reason),
// a link that leads out of the tree (located error, never followed) and a tree nested too deep.
// `visit(path, entry, depth)` is called for files and directories; for a directory it returns
// whether to go into it.
void walk_tree(const SourceTree& tree, const std::string& dir, DiagnosticSink& sink,
               const std::function<bool(const std::string& path, const TreeEntry& entry, int depth)>& visit,
               const std::function<bool(const std::string& name)>& keep_hidden = {});

// Reads one file of `tree`, at most `cap` bytes, and adds its text to `sources` under its
// display path. Reports an unreadable file (io-error) and one over the cap (file-too-large);
// returns nothing then.
std::optional<std::string> read_source(const SourceTree& tree, const std::string& path, size_t cap,
                                       DiagnosticSink& sink);

// True when `name` looks meant for kaowu but is not read: "x.TOML", "x.toml.txt", "x.toml~"
// for extension ".toml". The caller warns, naming what kaowu reads.
bool near_miss(const std::string& name, const std::string& extension);

bool ends_with(const std::string& s, const std::string& suffix);

} // namespace kaowu
