#include "serve/render_in_memory.hpp"

#include "render/render_all.hpp"

namespace kaowu {

Artifacts render_in_memory(const BoundSite& site, DiagnosticSink& sink) { return render_all(site, sink); }

} // namespace kaowu
