#pragma once
#include "bind/bind.hpp"
#include "diag/sink.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// The published site: index, a page and a printable timetable per calendar, a page per inline
// site and per notice, sitemap.xml and atom.xml. Reports only what no input check can foresee
// (a page that renders past its size bound).
Artifacts render_site(const BoundSite& site, DiagnosticSink& sink);

} // namespace kaowu
