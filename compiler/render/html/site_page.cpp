#include "render/html/pages.hpp"
#include "render/html/views.hpp"

namespace kaowu {

// A site listed inline in a region calendar ([[sites]]) has no schedule of its own: its page
// shows the region's phases with the site's address and contact, and the site's own feeds.
void render_site_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out) {
  const Calendar& c = *cal.calendar;
  for (const SiteInfo& s : c.sites) {
    std::string path = SiteLayout::site_page(c.id.value, s.id.value);
    std::string root = SiteLayout::root_of(path);
    TemplateData d = page_base(ctx, path, s.name + " · " + c.title,
                               c.title + " " + s.name + "：现场确认、考试时间和联系方式。");
    put(d, "calendar", calendar_header(cal, root));
    TemplateData site;
    site.set("name", s.name);
    if (!s.address.empty()) site.set("address", s.address);
    if (!s.contact.empty()) site.set("contact", s.contact);
    put(d, "site", std::move(site));
    if (const ResolvedPhase* confirmation = cal.find("confirmation"))
      put(d, "confirmation", phase_view(*confirmation, ctx.site.build_date));
    put(d, "phases", phase_list(cal, ctx.site.build_date, false));
    put(d, "exam", exam_view(cal));
    TemplateData fees = fee_list(cal);
    if (!fees.is_empty_list()) {
    put(d, "fees", std::move(fees));
    d.set("has_fees", true);
  }
    put(d, "subscribe", subscribe_view(ctx, root, SiteLayout::ics(SiteLayout::site_feed(c.id.value, s.id.value)),
                                      SiteLayout::json(SiteLayout::site_feed(c.id.value, s.id.value)), "", s.name));
    d.set("status_script", true);
    ctx.add_page(out, path, "site-page.mustache", d);
  }
}

} // namespace kaowu
