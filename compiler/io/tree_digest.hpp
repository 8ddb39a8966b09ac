#pragma once
#include <cstddef>
#include <string>

#include "io/source_tree.hpp"

namespace kaowu {

// The digest of everything a loader could read in `tree`: every entry's name and type (a link,
// one that leads out of the tree), every listing's and file's error, and the bytes of every file
// of at most `cap` bytes (a larger one by its size: no loader reads it). Hidden entries and
// folders deeper than `max_depth` are left out, as the loaders leave them (load/tree_walk.hpp).
// `kaowu build` takes it before compiling, so that a build whose inputs and options did not
// change can say so without compiling (docs/performance.md, "Rebuilds"). The tree is read once
// more; a file edited meanwhile only makes the next build rebuild.
std::string tree_digest(const SourceTree& tree, int max_depth, size_t cap);

} // namespace kaowu
