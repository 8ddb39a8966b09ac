#include "render/html/views.hpp"

#include "text/fee_text.hpp"
#include "bind/exam_timetable.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {
TemplateData list() { return TemplateData(TemplateData::type::list); }

std::string hours_text(const std::vector<TimeRange>& hours) {
  std::string out;
  for (size_t i = 0; i < hours.size(); ++i) out += (i ? "、" : "") + zh_time_range(hours[i]);
  return out;
}
} // namespace

std::string phase_status(const ResolvedPhase& rp, std::optional<Date> today) {
  if (rp.tba || !rp.last) return "tba";
  if (!today) return "";
  Date first = rp.first ? *rp.first : *rp.last;
  // A deadline concerns everything up to its day: open until then.
  if (rp.phase.timing.kind == TimingKind::deadline) first = Date::from_days(-1000000);
  if (*today > *rp.last) return "past";
  if (*today >= first) return "open";
  return "upcoming";
}

const char* zh_status(const std::string& status) {
  if (status == "past") return "已结束";
  if (status == "open") return "进行中";
  if (status == "upcoming") return "未开始";
  if (status == "tba") return "待定";
  return "";
}

const char* zh_audience(Audience a) {
  switch (a) {
  case Audience::candidate: return "考生";
  case Audience::staff: return "考务人员";
  case Audience::military: return "军队单位";
  }
  return "";
}

TemplateData phase_view(const ResolvedPhase& rp, std::optional<Date> today) {
  const Phase& p = rp.phase;
  TemplateData d;
  d.set("id", p.id.value);
  d.set("name", p.name);
  d.set("timing", zh_timing(rp));
  d.set("audience", zh_audience(p.audience));
  if (p.form == Form::online) d.set("form", "网上");
  if (p.form == Form::in_person) d.set("form", "现场");
  std::string status = phase_status(rp, today);
  if (!status.empty()) {
    d.set("status", status);
    d.set("status_zh", zh_status(status));
  }
  if (rp.first && !rp.tba) d.set("first", rp.first->iso());
  if (rp.last && !rp.tba) d.set("last", rp.last->iso());
  if (p.timing.kind == TimingKind::deadline) d.set("deadline", true);
  if (!p.hours.empty()) d.set("hours", hours_text(p.hours));
  if (!p.place.empty()) d.set("place", p.place);
  std::string note = p.unconfirmed.empty() ? p.note : "待确认：" + p.unconfirmed.value + (p.note.empty() ? "" : "。" + p.note);
  if (!note.empty()) d.set("note", note);
  if (!p.unconfirmed.empty()) d.set("unconfirmed", p.unconfirmed.value);
  if (!p.opts_out.empty()) d.set("opts_out", p.opts_out.value);
  if (!p.url.empty()) d.set("url", p.url);
  if (p.approximate) d.set("approximate", true);
  if (!p.widens.empty()) d.set("widens", p.widens.value);
  return d;
}

TemplateData opted_out_list(const ResolvedCalendar& cal) {
  TemplateData list = TemplateData::type::list;
  for (const ResolvedPhase& rp : cal.opted_out) {
    TemplateData d = TemplateData::type::object;
    d.set("name", rp.phase.name);
    d.set("reason", rp.phase.opts_out.value);
    d.set("from", rp.defined_in);
    list.push_back(d);
  }
  return list;
}

TemplateData phase_list(const ResolvedCalendar& cal, std::optional<Date> today, bool staff) {
  TemplateData out = list();
  for (const ResolvedPhase& rp : cal.phases)
    if ((rp.phase.audience == Audience::staff) == staff) push(out, phase_view(rp, today));
  return out;
}

TemplateData exam_view(const ResolvedCalendar& cal) {
  TemplateData d;
  TemplateData tables = list();
  for (const ExamModeTable& t : exam_mode_tables(cal)) {
    TemplateData table;
    table.set("title", t.title);
    if (!t.tba_note.empty()) table.set("note", t.tba_note);
    TemplateData rows = list();
    for (const ExamDayRow& day : t.days) {
      auto add = [&](const std::string& time, const std::string& subject) {
        TemplateData r;
        r.set("date", zh_date(day.date));
        r.set("weekday", zh_weekday(day.date));
        r.set("batch", day.batch_name);
        r.set("time", time);
        r.set("subject", subject);
        push(rows, std::move(r));
      };
      if (day.sessions.empty()) add("以准考证为准", "—");
      for (const Session* s : day.sessions) add(zh_time_range(s->time), s->subject);
    }
    put(table, "rows", std::move(rows));
    push(tables, std::move(table));
  }
  if (cal.exam) {
    d.set("has_exam", true);
    d.set("name", cal.exam->name.empty() ? "考试实施" : cal.exam->name);
    const ResolvedPhase* exam = cal.find("exam");
    d.set("days", exam ? zh_timing(*exam) : (cal.exam_days.empty() ? "待定" : zh_days(cal.exam_days)));
    if (!cal.exam->assignment_tba.empty()) d.set("assignment", cal.exam->assignment_tba);
  }
  put(d, "tables", std::move(tables));
  return d;
}

TemplateData fee_list(const ResolvedCalendar& cal) {
  TemplateData out = list();
  for (const Fee& f : fees_of(cal)) {
    TemplateData d;
    d.set("amount", fee_name(f) + "：" + fee_text(f));
    d.set("name", fee_name(f));
    d.set("fee", fee_text(f));
    d.set("applies_to", fee_scope_text(f, cal.catalogue)); // never empty: 所有专业 at least
    push(out, std::move(d));
  }
  return out;
}

TemplateData notice_list(const std::vector<const PublishedNotice*>& notices, const std::string& root) {
  TemplateData out = list();
  for (const PublishedNotice* n : notices) {
    TemplateData d;
    d.set("title", n->notice->title.value);
    d.set("href", root + SiteLayout::notice_page(n->calendar->id(), n->notice->slug));
    if (n->notice->date) d.set("date", zh_date(n->notice->date->date));
    d.set("calendar_title", n->calendar->calendar->title);
    push(out, std::move(d));
  }
  return out;
}

TemplateData slot_list(const ResolvedCalendar& cal) {
  TemplateData out = list();
  for (const ResolvedPhase& rp : cal.phases) {
    for (const Slot& s : rp.phase.slots) {
      TemplateData d;
      d.set("phase", rp.phase.name);
      d.set("date", zh_date(s.date.date) + (s.unconfirmed.empty() ? "" : "（待确认）"));
      d.set("weekday", zh_weekday(s.date.date));
      d.set("iso", s.date.date.iso());
      d.set("id", s.key);
      d.set("who", s.who);
      d.set("hours", hours_text(s.hours.empty() ? rp.phase.hours : s.hours));
      d.set("place", rp.phase.place);
      push(out, std::move(d));
    }
  }
  return out;
}

} // namespace kaowu
