#pragma once
#include "bind/bind.hpp"
#include "diag/sink.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// The site of a bound compilation as artifacts in memory. The one place `kaowu serve` calls the
// renderers: when render_all streams into an ArtifactSink, this becomes its in-memory collector.
Artifacts render_in_memory(const BoundSite& site, DiagnosticSink& sink);

} // namespace kaowu
