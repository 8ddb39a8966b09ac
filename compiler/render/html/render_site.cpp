#include "render/html/render_site.hpp"

#include "render/html/notice_html.hpp"
#include "render/html/pages.hpp"

namespace kaowu {

void render_calendar_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out) {
  render_calendar_page(ctx, cal, out);
  render_timetable_page(ctx, cal, out);
  render_site_pages(ctx, cal, out);
  render_specialty_pages(ctx, cal, out);
  render_correction_pages(ctx, cal, out);
}

std::string render_notice(SiteContext& ctx, const BoundNotice& n, Artifacts& out) {
  PublishedNotice published{n.notice, n.calendar, notice_html(n, &ctx.index.tables), n.state};
  render_notice_page(ctx, published, out);
  return std::move(published.html);
}

Artifacts render_site(const BoundSite& site, DiagnosticSink& sink) {
  Artifacts out;
  SiteIndex index(site);
  SiteContext ctx(site, index, sink);
  render_index_page(ctx, out);
  for (const ResolvedCalendar& cal : site.project->calendars) render_calendar_pages(ctx, cal, out);
  render_subscribe_pages(ctx, out);
  std::vector<std::string> newest;
  for (const BoundNotice& n : site.notices) {
    std::string html = render_notice(ctx, n, out);
    if (newest.size() < kAtomEntries) newest.push_back(std::move(html));
  }
  render_sitemap(ctx, out);
  render_atom(ctx, newest, out);
  return out;
}

} // namespace kaowu
