#include <algorithm>

#include "render/html/pages.hpp"
#include "render/html/revision_views.hpp"
#include "render/html/views.hpp"

namespace kaowu {

// Every calendar, newest exam year first, each with its candidate phases marked past, open or
// upcoming, and the latest notices.
void render_index_page(SiteContext& ctx, Artifacts& out) {
  std::string path = SiteLayout::index_page();
  TemplateData d = page_base(ctx, path, "卫生专业技术资格考试日程",
                             "卫生专业技术资格考试各考区、考点的报名、确认、缴费、考试和成绩查询日程。");
  std::vector<const ResolvedCalendar*> cals;
  for (const ResolvedCalendar& c : ctx.project.calendars) cals.push_back(&c);
  std::stable_sort(cals.begin(), cals.end(), [](const ResolvedCalendar* a, const ResolvedCalendar* b) {
    if (a->calendar->exam_year != b->calendar->exam_year) return a->calendar->exam_year > b->calendar->exam_year;
    if (a->calendar->level != b->calendar->level) return a->calendar->level > b->calendar->level;
    return a->id() < b->id();
  });
  TemplateData years(TemplateData::type::list);
  TemplateData year_cals(TemplateData::type::list);
  int year = 0;
  auto flush = [&] {
    if (year_cals.is_empty_list()) return;
    TemplateData y;
    y.set("year", std::to_string(year));
    put(y, "calendars", std::move(year_cals));
    push(years, std::move(y));
    year_cals = TemplateData(TemplateData::type::list);
  };
  for (const ResolvedCalendar* c : cals) {
    if (c->calendar->exam_year != year) {
      flush();
      year = c->calendar->exam_year;
    }
    TemplateData v = calendar_header(*c, "");
    put(v, "revised", revision_banner(*c, path));
    put(v, "phases", phase_list(*c, ctx.site.build_date, false));
    push(year_cals, std::move(v));
  }
  flush();
  put(d, "years", std::move(years));
  std::vector<const PublishedNotice*> notices;
  for (const PublishedNotice& n : ctx.notices) notices.push_back(&n);
  if (!notices.empty()) {
    put(d, "notices", notice_list(notices, ""));
    d.set("has_notices", true);
  }
  d.set("status_script", true);
  ctx.add_page(out, path, "index-page.mustache", d);
}

} // namespace kaowu
