#pragma once
#include "diag/sink.hpp"
#include "load/site_sources.hpp"
#include "model/resolved.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// The published site: index, a page and a printable timetable per calendar, a page per inline
// site and per notice, sitemap.xml and atom.xml. Notices are bound to their calendar here
// (unknown placeholders are errors, literal dates warnings).
Artifacts render_site(const ResolvedProject& project, const SiteSources& site, DiagnosticSink& sink);

} // namespace kaowu
