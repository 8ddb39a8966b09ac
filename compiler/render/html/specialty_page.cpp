#include "bind/exam_timetable.hpp"
#include "render/html/candidate_views.hpp"
#include "render/html/page_feeds.hpp"
#include "render/html/pages.hpp"
#include "render/html/revision_views.hpp"
#include "render/html/views.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

// The feeds a candidate of this exam picks their site from: each site listed in the calendar,
// each site calendar narrowing it, and the calendar's own feed for anyone else.
TemplateData site_choices(const SiteContext& ctx, const ResolvedCalendar& cal, const std::string& from) {
  TemplateData out(TemplateData::type::list);
  auto add = [&](const Feed* f, const std::string& name) {
    if (!f) return;
    TemplateData v;
    v.set("name", name);
    v.set("href", SiteLayout::relative(from, SiteLayout::subscribe_page(f->path_stem)));
    push(out, std::move(v));
  };
  for (const SiteInfo& s : cal.calendar->sites) add(site_feed_of(ctx.site, cal, s), s.name);
  for (const std::string& id : cal.site_calendars)
    if (const ResolvedCalendar* sc = ctx.project.find(id))
      add(calendar_feed_of(ctx.site, *sc), sc->calendar->site ? sc->calendar->site->name : sc->calendar->title);
  add(calendar_feed_of(ctx.site, cal), out.is_empty_list() ? cal.calendar->title : "其他考点：" + cal.calendar->title);
  return out;
}

} // namespace

// My exam: one page per specialty feed, under the calendar that defines the exam. What a
// candidate of one specialty needs: its exam days and sessions (possible days marked), the
// countdown, and the two feeds to subscribe to (the specialty's and their site's).
void render_specialty_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out) {
  for (const Feed* feed : ctx.index.specialty_feeds_for(cal)) {
    if (feed->calendar != &cal) continue; // a site calendar links to its region's pages
    const Specialty& sp = *feed->specialty;
    std::string path = SiteLayout::specialty_page(cal.id(), sp.code.value);
    std::string root = SiteLayout::root_of(path);
    std::string level = level_name(cal.catalogue, sp);
    TemplateData d = page_base(ctx, path, sp.code.value + " " + sp.name + "（" + level + "）考试日期 · " + cal.calendar->title,
                               cal.calendar->title + "：" + sp.name + "（" + level + "，专业代码" + sp.code.value + "）的考试日期和时间。");
    put(d, "calendar", calendar_header(cal, root));
    put(d, "revised", revision_banner(cal, path));
    TemplateData s;
    s.set("code", sp.code.value);
    s.set("name", sp.name);
    s.set("level", level);
    s.set("mode", zh_mode(sp.mode));
    put(d, "specialty", std::move(s));
    put(d, "now", exam_countdown_view(ctx, *feed));
    TemplateData exam = exam_days_view(cal, *feed, path, "订阅本专业的日历，考试日公布后会自动更新。");
    std::vector<Date> days;
    bool possible = true;
    for (const FeedEvent& e : feed->events) {
      if (e.phase_id != "exam" || !e.start) continue;
      possible = possible && e.possible;
      if (days.empty() || days.back() != *e.start) days.push_back(*e.start);
    }
    exam.set("name", possible && !days.empty() ? "本专业可能的考试日" : "本专业的考试日");
    exam.set("days", days.empty() ? std::string("待定") : zh_days(days));
    put(d, "exam", std::move(exam));
    put(d, "subscribe", subscribe_box(ctx, *feed, path, false));
    put(d, "site_choices", site_choices(ctx, cal, path));
    d.set("finder_href", SiteLayout::relative(path, SiteLayout::calendar_page(cal.id())) + "#specialties");
    d.set("status_script", true);
    ctx.add_page(out, path, "specialty-page.mustache", d);
  }
}

} // namespace kaowu
