#include "render/html/render_site.hpp"

#include <algorithm>

#include "render/html/markdown.hpp"
#include "render/html/pages.hpp"
#include "render/html/placeholders.hpp"
#include "render/html/site_context.hpp"

namespace kaowu {

Artifacts render_site(const ResolvedProject& project, const SiteSources& site, DiagnosticSink& sink) {
  Artifacts out;
  SiteContext ctx(project, site, sink);
  for (const Notice& n : site.notices) {
    const ResolvedCalendar* cal = project.find(n.calendar_id);
    if (cal == nullptr) {
      sink.report(DiagKind::notice_calendar, Location{n.file, 0, 0, 0}, {n.calendar_id});
      continue;
    }
    ctx.notices.push_back(PublishedNotice{&n, cal, markdown_to_html(bind_placeholders(n, *cal, sink))});
  }
  // Newest first; the path breaks ties so the order never depends on the file system.
  std::stable_sort(ctx.notices.begin(), ctx.notices.end(), [](const PublishedNotice& a, const PublishedNotice& b) {
    Date da = a.notice->date ? a.notice->date->date : Date{};
    Date db = b.notice->date ? b.notice->date->date : Date{};
    if (da != db) return da > db;
    return a.notice->file < b.notice->file;
  });
  render_index_page(ctx, out);
  for (const ResolvedCalendar& cal : project.calendars) {
    render_calendar_page(ctx, cal, out);
    render_timetable_page(ctx, cal, out);
    render_site_pages(ctx, cal, out);
  }
  for (const PublishedNotice& n : ctx.notices) render_notice_page(ctx, n, out);
  render_sitemap(ctx, out);
  render_atom(ctx, out);
  return out;
}

} // namespace kaowu
