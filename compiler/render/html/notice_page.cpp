#include "render/html/pages.hpp"
#include "render/html/revision_views.hpp"
#include "render/html/views.hpp"
#include "text/zh_format.hpp"

namespace kaowu {

void render_notice_page(SiteContext& ctx, const PublishedNotice& pn, Artifacts& out) {
  const Notice& n = *pn.notice;
  const ResolvedCalendar& cal = *pn.calendar;
  std::string path = SiteLayout::notice_page(cal.id(), n.slug);
  std::string root = SiteLayout::root_of(path);
  TemplateData d = page_base(ctx, path, n.title.value, cal.calendar->issuer + "：" + n.title.value);
  put(d, "calendar", calendar_header(cal, root));
  put(d, "revised", notice_revision_banner(cal, pn.state, path));
  TemplateData notice;
  notice.set("title", n.title.value);
  if (n.date) {
    notice.set("date", zh_date(n.date->date));
    notice.set("date_iso", n.date->date.iso());
  }
  if (!n.document.empty()) notice.set("document", n.document);
  notice.set("body_html", pn.html);
  put(d, "notice", std::move(notice));
  ctx.add_page(out, path, "notice-page.mustache", d);
}

} // namespace kaowu
