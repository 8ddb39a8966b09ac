#include "render/html/candidate_views.hpp"
#include "render/html/page_feeds.hpp"
#include "render/html/pages.hpp"
#include "render/html/revision_views.hpp"
#include "render/html/views.hpp"

namespace kaowu {

// A site listed inline in a region calendar ([[sites]]) has no schedule of its own: its page
// shows the region's phases with the site's address and contact, and the site's own feeds.
void render_site_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out) {
  const Calendar& c = *cal.calendar;
  bool has_specialties = !ctx.index.specialty_feeds_for(cal).empty();
  for (const SiteInfo& s : c.sites) {
    std::string path = SiteLayout::site_page(c.id.value, s.id.value);
    std::string root = SiteLayout::root_of(path);
    const Feed* feed = site_feed_of(ctx.site, cal, s);
    TemplateData d = page_base(ctx, path, s.name + " · " + c.title,
                               c.title + " " + s.name + "：现场确认、考试时间和联系方式。");
    put(d, "calendar", calendar_header(cal, root));
    put(d, "revised", revision_banner(cal, path));
    TemplateData site;
    site.set("name", s.name);
    if (!s.address.empty()) site.set("address", s.address);
    if (!s.contact.empty()) site.set("contact", s.contact);
    put(d, "site", std::move(site));
    put(d, "now", now_view(ctx, cal, feed, path));
    if (const ResolvedPhase* confirmation = cal.find("confirmation"))
      put(d, "confirmation", phase_view(*confirmation, ctx.site.build_date));
    put(d, "phases", candidate_phases(ctx, cal, feed, path));
    if (!cal.opted_out.empty()) put(d, "opted_out", opted_out_list(cal));
    if (feed) {
      if (cal.exam)
        put(d, "exam", exam_days_view(cal, *feed, path,
                                     has_specialties ? "在“我的考试”里找到您的专业，订阅它的日历，考试日公布后会自动更新。"
                                                     : "订阅本考点的日历，考试日公布后会自动更新。"));
      put(d, "subscribe", subscribe_box(ctx, *feed, path, true));
    }
    if (has_specialties) d.set("specialties_href", SiteLayout::relative(path, SiteLayout::calendar_page(c.id.value)) + "#specialties");
    TemplateData fees = fee_list(cal);
    if (!fees.is_empty_list()) {
      put(d, "fees", std::move(fees));
      d.set("has_fees", true);
    }
    put(d, "staff", staff_section(ctx, cal, feed, path));
    d.set("status_script", true);
    ctx.add_page(out, path, "site-page.mustache", d);
  }
}

} // namespace kaowu
