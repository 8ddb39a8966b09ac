#include "render/html/render_site.hpp"

#include "render/html/notice_html.hpp"
#include "render/html/pages.hpp"
#include "render/html/site_context.hpp"

namespace kaowu {

Artifacts render_site(const BoundSite& site, DiagnosticSink& sink) {
  Artifacts out;
  SiteContext ctx(site, sink);
  // Bound notices are already newest first.
  for (const BoundNotice& n : site.notices)
    ctx.notices.push_back(PublishedNotice{n.notice, n.calendar, notice_html(n)});
  render_index_page(ctx, out);
  for (const ResolvedCalendar& cal : site.project->calendars) {
    render_calendar_page(ctx, cal, out);
    render_timetable_page(ctx, cal, out);
    render_site_pages(ctx, cal, out);
    render_specialty_pages(ctx, cal, out);
  }
  render_subscribe_pages(ctx, out);
  for (const PublishedNotice& n : ctx.notices) render_notice_page(ctx, n, out);
  render_sitemap(ctx, out);
  render_atom(ctx, out);
  return out;
}

} // namespace kaowu
