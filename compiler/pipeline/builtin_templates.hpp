#pragma once
#include "io/source_tree.hpp"

namespace kaowu {

// The templates kaowu ships with (the repository's templates/, embedded at build time): used by
// a project that has no templates/ of its own, and written out by `kaowu new project`.
const MemoryTree& builtin_templates();

} // namespace kaowu
