#include "render/html/revision_views.hpp"

#include "text/zh_format.hpp"

namespace kaowu {
namespace {

std::string link_to(const ChainRevision& r, const std::string& from) {
  return SiteLayout::relative(from, SiteLayout::correction_page(r.calendar->id.value, r.record->number));
}

std::string date_text(const ChainRevision& r) { return r.record->issued ? zh_date(r.record->issued->date) : std::string(); }

} // namespace

TemplateData correction_links(const ResolvedCalendar& cal, const std::string& from) {
  TemplateData out(TemplateData::type::list);
  const CalendarHistory* h = cal.history.get();
  if (!h) return out;
  for (size_t i = h->revisions.size(); i-- > 0;) {
    const ChainRevision& r = h->revisions[i];
    TemplateData v;
    v.set("label", "第" + std::to_string(h->number(i + 1)) + "版：" + r.record->title.value);
    v.set("date", date_text(r));
    v.set("href", link_to(r, from));
    out.push_back(v);
  }
  return out;
}

TemplateData revision_banner(const ResolvedCalendar& cal, const std::string& from) {
  TemplateData d;
  const CalendarHistory* h = cal.history.get();
  if (!h || h->revisions.empty()) return d;
  const ChainRevision& latest = h->revisions.back();
  d.set("text", "本日程已于" + date_text(latest) + "调整（第" + std::to_string(h->number(h->states() - 1)) + "版）");
  d.set("href", link_to(latest, from));
  if (!latest.record->reason.empty()) d.set("reason", latest.record->reason);
  if (h->revisions.size() > 1) d.set("corrections", correction_links(cal, from));
  return d;
}

TemplateData notice_revision_banner(const ResolvedCalendar& cal, size_t state, const std::string& from) {
  TemplateData d;
  const CalendarHistory* h = cal.history.get();
  if (!h || state + 1 >= h->states()) return d;
  const ChainRevision& next = h->revisions[state]; // the first revision after the notice
  const ChainRevision& latest = h->revisions.back();
  d.set("text", "本通知按第" + std::to_string(h->number(state)) + "版日程发布，文中日期为当时公布的安排。日程已于" +
                    date_text(latest) + "调整（第" + std::to_string(h->number(h->states() - 1)) + "版）");
  d.set("href", link_to(next, from));
  if (h->revisions.size() - state > 1) {
    TemplateData links(TemplateData::type::list);
    for (size_t i = h->revisions.size(); i-- > state;) {
      TemplateData v;
      v.set("label", "第" + std::to_string(h->number(i + 1)) + "版：" + h->revisions[i].record->title.value);
      v.set("date", date_text(h->revisions[i]));
      v.set("href", link_to(h->revisions[i], from));
      links.push_back(v);
    }
    d.set("corrections", links);
  }
  return d;
}

} // namespace kaowu
