#pragma once
#include "render/artifact.hpp"

namespace kaowu {

// public/README.md: the one file of the output that git keeps, so that a build leaves the
// working tree clean. Its text is fixed; tests compare it with the committed copy.
Artifact public_readme();

} // namespace kaowu
