#include "render/html/revision_views.hpp"

#include "text/zh_format.hpp"

namespace kaowu {
namespace {

std::string correction_path(const ChainRevision& r) {
  return SiteLayout::correction_page(r.calendar->id.value, r.record->number);
}

std::string link_to(const ChainRevision& r, const std::string& from) { return SiteLayout::relative(from, correction_path(r)); }

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

std::optional<NoticeRevisionNote> notice_revision_note(const ResolvedCalendar& cal, size_t state) {
  const CalendarHistory* h = cal.history.get();
  if (!h || state + 1 >= h->states()) return std::nullopt;
  const ChainRevision& next = h->revisions[state]; // the first revision after the notice
  const ChainRevision& latest = h->revisions.back();
  NoticeRevisionNote note;
  note.text = "本通知按第" + std::to_string(h->number(state)) + "版日程发布，文中日期为当时公布的安排。日程已于" +
              date_text(latest) + "调整（第" + std::to_string(h->number(h->states() - 1)) + "版）";
  note.path = correction_path(next);
  if (h->revisions.size() - state > 1)
    for (size_t i = h->revisions.size(); i-- > state;)
      note.corrections.push_back({"第" + std::to_string(h->number(i + 1)) + "版：" + h->revisions[i].record->title.value,
                                  date_text(h->revisions[i]), correction_path(h->revisions[i])});
  return note;
}

TemplateData notice_revision_banner(const ResolvedCalendar& cal, size_t state, const std::string& from) {
  TemplateData d;
  std::optional<NoticeRevisionNote> note = notice_revision_note(cal, state);
  if (!note) return d;
  d.set("text", note->text);
  d.set("href", SiteLayout::relative(from, note->path));
  if (!note->corrections.empty()) {
    TemplateData links(TemplateData::type::list);
    for (const NoticeRevisionNote::Correction& c : note->corrections) {
      TemplateData v;
      v.set("label", c.label);
      v.set("date", c.date);
      v.set("href", SiteLayout::relative(from, c.path));
      links.push_back(v);
    }
    d.set("corrections", links);
  }
  return d;
}

} // namespace kaowu
