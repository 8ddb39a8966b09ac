#include "render/html/candidate_views.hpp"
#include "render/html/pages.hpp"
#include "render/html/revision_views.hpp"
#include "render/html/views.hpp"

namespace kaowu {

// The printable A4 timetable: the work plan (every phase, staff tasks included, in date order)
// and the exam timetable, under a header with issuer and document number.
void render_timetable_page(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out) {
  const Calendar& c = *cal.calendar;
  std::string path = SiteLayout::timetable_page(c.id.value);
  std::string root = SiteLayout::root_of(path);
  TemplateData d = page_base(ctx, path, c.title + " · 打印版时间安排表",
                             c.title + "的考务工作计划安排表和考试时间安排表（可打印，A4）。");
  put(d, "calendar", calendar_header(cal, root));
  put(d, "revised", revision_banner(cal, path));
  TemplateData rows(TemplateData::type::list);
  int number = 0;
  for (const ResolvedPhase& rp : cal.phases) {
    TemplateData v = phase_view(rp, std::nullopt); // paper has no "now"
    v.set("number", std::to_string(++number));
    push(rows, std::move(v));
  }
  put(d, "plan", std::move(rows));
  put(d, "exam", exam_view(cal));
  TemplateData slots = slot_list(cal);
  if (!slots.is_empty_list()) {
    put(d, "slots", std::move(slots));
    d.set("has_slots", true);
    if (auto once = slot_once(cal)) d.set("slot_once", *once);
  }
  if (c.site) d.set("timetable_site", c.site->name);
  ctx.add_page(out, path, "timetable-page.mustache", d);
}

} // namespace kaowu
