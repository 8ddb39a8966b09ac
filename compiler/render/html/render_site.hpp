#pragma once
#include <string>

#include "bind/bind.hpp"
#include "diag/sink.hpp"
#include "render/artifact.hpp"
#include "render/html/site_context.hpp"

namespace kaowu {

// The published site's pages, by units that render independently (render_all runs them as jobs
// on several threads): index.html; per calendar its page, printable timetable, inline sites' and
// specialties' pages; the subscribe pages; per notice its page; then sitemap.xml and atom.xml
// over what the others made. Each
// reports only what no input check can foresee (a page that renders past its size bound).

// The pages of one calendar: its page, its printable timetable, its inline sites' pages and its
// specialties' pages (my exam).
void render_calendar_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out);

// One notice's page; returns the notice's HTML (atom.xml carries the newest notices in full).
std::string render_notice(SiteContext& ctx, const BoundNotice& notice, Artifacts& out);

// The whole site's HTML side in memory, on one thread (tests).
Artifacts render_site(const BoundSite& site, DiagnosticSink& sink);

} // namespace kaowu
