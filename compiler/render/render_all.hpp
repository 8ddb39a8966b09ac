#pragma once
#include "bind/bind.hpp"
#include "diag/sink.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// Every renderer over the bound site, in a fixed order; each returns artifacts. The renderers
// find nothing new in the input (bind checked it); `sink` hears only of pages that render past
// their size bound.
Artifacts render_all(const BoundSite& site, DiagnosticSink& sink);

} // namespace kaowu
