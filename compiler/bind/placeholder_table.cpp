#include "bind/placeholder_table.hpp"

#include <algorithm>
#include <set>

#include "bind/exam_timetable.hpp"
#include "text/fee_text.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::string hours_text(const std::vector<TimeRange>& hours) {
  std::vector<std::string> parts;
  for (const TimeRange& h : hours) parts.push_back(zh_time_range(h));
  return join(parts, "、");
}

TextTable slots_table(const ResolvedPhase& rp) {
  TextTable t;
  t.header = {"日期", "单位", "时间"};
  for (const Slot& s : rp.phase.slots) {
    const auto& hours = s.hours.empty() ? rp.phase.hours : s.hours;
    t.rows.push_back({zh_date(s.date.date) + "（" + zh_weekday(s.date.date) + "）", s.who, hours_text(hours)});
  }
  return t;
}

std::vector<TextTable> timetable(const ResolvedCalendar& cal) {
  std::vector<TextTable> out;
  for (const ExamModeTable& m : exam_mode_tables(cal)) {
    TextTable t;
    t.caption = m.title;
    if (!m.tba_note.empty() && m.days.empty()) {
      t.note = m.tba_note;
      out.push_back(std::move(t));
      continue;
    }
    t.header = {"日期", "考试时间", "科目"};
    for (const ExamDayRow& d : m.days) {
      if (d.sessions.empty()) t.rows.push_back({zh_date(d.date), m.tba_note.empty() ? "待定" : m.tba_note, ""});
      for (const Session* s : d.sessions) t.rows.push_back({zh_date(d.date), zh_time_range(s->time), s->subject});
    }
    out.push_back(std::move(t));
  }
  return out;
}

void put(PlaceholderTable& v, const std::string& name, const std::string& value) {
  if (value.empty()) v[name] = std::nullopt;
  else v[name] = PlaceholderValue{PlaceholderValue::Kind::text, value, {}};
}

void put_tables(PlaceholderTable& v, const std::string& name, std::vector<TextTable> tables) {
  if (tables.empty()) v[name] = std::nullopt;
  else v[name] = PlaceholderValue{PlaceholderValue::Kind::tables, "", std::move(tables)};
}

void put_site(PlaceholderTable& v, const std::string& prefix, const SiteInfo& s) {
  put(v, prefix + ".name", s.name);
  put(v, prefix + ".address", s.address);
  put(v, prefix + ".contact", s.contact);
}

} // namespace

PlaceholderTable placeholder_table(const ResolvedCalendar& cal) {
  PlaceholderTable v;
  const Calendar& c = *cal.calendar;
  put(v, "calendar.title", c.title);
  put(v, "calendar.issuer", c.issuer);
  put(v, "calendar.document", c.document);
  put(v, "calendar.issued", c.issued ? zh_date(c.issued->date) : "");
  put(v, "calendar.region", c.region);
  put(v, "calendar.exam_year", std::to_string(c.exam_year));
  if (!cal.ancestors.empty()) {
    const Calendar& parent = *cal.ancestors.front();
    put(v, "parent.title", parent.title);
    put(v, "parent.issuer", parent.issuer);
    put(v, "parent.document", parent.document);
  }
  for (const ResolvedPhase& rp : cal.phases) {
    const Phase& p = rp.phase;
    std::string key = "phase." + p.id.value;
    put(v, key, zh_timing(rp));
    put(v, key + ".name", p.name);
    put(v, key + ".hours", hours_text(p.hours));
    put(v, key + ".place", p.place);
    put(v, key + ".note", p.note);
    if (p.url.empty()) v[key + ".url"] = std::nullopt;
    else v[key + ".url"] = PlaceholderValue{PlaceholderValue::Kind::url, p.url, {}};
    put(v, key + ".start", rp.first && !rp.tba ? zh_date(*rp.first) : "");
    put(v, key + ".end", rp.last && !rp.tba ? zh_date(*rp.last) : "");
    put_tables(v, key + ".slots", p.slots.empty() ? std::vector<TextTable>{} : std::vector<TextTable>{slots_table(rp)});
  }
  if (cal.exam) {
    const Exam& e = *cal.exam;
    put(v, "exam.name", e.name);
    put(v, "exam.days", cal.exam_days.empty() ? "" : zh_days(cal.exam_days));
    put(v, "exam.first", cal.exam_days.empty() ? "" : zh_date(cal.exam_days.front()));
    put(v, "exam.last", cal.exam_days.empty() ? "" : zh_date(cal.exam_days.back()));
    put(v, "exam.assignment", e.assignment_tba);
    for (ExamMode mode : {ExamMode::cbt, ExamMode::paper}) {
      std::string m = to_string(mode);
      std::set<Date> days;
      for (const Batch& b : e.batches)
        if (b.mode == mode)
          for (const DateAt& d : b.days) days.insert(d.date);
      put(v, "exam." + m + ".days", days.empty() ? "" : zh_days({days.begin(), days.end()}));
      auto tba = e.sessions_tba.find(mode);
      put(v, "exam." + m + ".times_note", tba == e.sessions_tba.end() ? "" : tba->second);
    }
    for (const Batch& b : e.batches) {
      std::vector<Date> days;
      for (const DateAt& d : b.days) days.push_back(d.date);
      put(v, "exam.batch." + b.id.value, days.empty() ? "" : zh_days(days));
      put(v, "exam.batch." + b.id.value + ".name", b.name);
    }
    for (const Session& s : e.sessions) {
      std::string key = "exam.session." + std::string(to_string(s.mode)) + "." + s.subject;
      if (!v.count(key)) put(v, key, zh_time_range(s.time));
    }
    // Known to every calendar with an exam, even one that publishes no day yet (then empty).
    v["exam.timetable"] = PlaceholderValue{PlaceholderValue::Kind::tables, "", timetable(cal)};
  }
  // Fees: the calendar's own, else the nearest ancestor's (a site charges its region's fee).
  const std::vector<Fee>* fees = &c.fees;
  for (const Calendar* a : cal.ancestors)
    if (fees->empty()) fees = &a->fees;
  v["fee"] = std::nullopt; // known to every calendar, even one whose source states no fee
  for (size_t i = 0; i < fees->size(); ++i) {
    const Fee& f = (*fees)[i];
    std::string key = "fee." + std::to_string(i + 1);
    put(v, key, fee_text(f));
    put(v, key + ".applies_to", f.applies_to);
    if (i == 0) put(v, "fee", fee_text(f));
  }
  if (c.site) put_site(v, "site", *c.site);
  for (const SiteInfo& s : c.sites) put_site(v, "sites." + s.id.value, s);
  return v;
}

} // namespace kaowu

namespace kaowu {

std::map<Date, std::vector<std::string>> placeholders_by_date(const ResolvedCalendar& cal) {
  std::map<Date, std::vector<std::string>> out;
  auto add = [&](Date d, std::string name) {
    auto& names = out[d];
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  };
  for (const ResolvedPhase& rp : cal.phases) {
    if (rp.tba || rp.is_exam) continue;
    const std::string key = "phase." + rp.phase.id.value;
    switch (rp.phase.timing.kind) {
    case TimingKind::window:
    case TimingKind::from:
      if (rp.first) add(*rp.first, key + ".start");
      if (rp.last && rp.phase.timing.kind == TimingKind::window) add(*rp.last, key + ".end");
      break;
    case TimingKind::deadline:
    case TimingKind::relative:
      if (rp.last) add(*rp.last, key);
      break;
    case TimingKind::days:
      for (const DateAt& d : rp.phase.timing.days) add(d.date, key);
      break;
    case TimingKind::tba: break;
    }
  }
  if (!cal.exam_days.empty()) {
    add(cal.exam_days.front(), "exam.first");
    add(cal.exam_days.back(), "exam.last");
    for (Date d : cal.exam_days) add(d, "exam.days");
  }
  if (cal.exam)
    for (const Batch& b : cal.exam->batches)
      for (const DateAt& d : b.days) add(d.date, "exam.batch." + b.id.value);
  return out;
}

} // namespace kaowu
