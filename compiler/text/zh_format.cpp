#include "text/zh_format.hpp"

namespace kaowu {

std::string clock_text(int minutes) {
  std::string out = std::to_string(minutes / 60);
  std::string mm = std::to_string(minutes % 60);
  return (out.size() < 2 ? "0" + out : out) + ":" + (mm.size() < 2 ? "0" + mm : mm);
}

std::string time_range_text(const TimeRange& r) {
  return clock_text(r.start_minute) + "-" + clock_text(r.end_minute);
}

std::string zh_clock(int minutes) {
  std::string mm = std::to_string(minutes % 60);
  return std::to_string(minutes / 60) + "∶" + (mm.size() < 2 ? "0" + mm : mm);
}

std::string zh_time_range(const TimeRange& r) {
  return zh_clock(r.start_minute) + "—" + zh_clock(r.end_minute);
}

std::string zh_month_day(Date d) {
  return std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

std::string zh_date(Date d) { return std::to_string(d.year()) + "年" + zh_month_day(d); }

std::string zh_window(Date first, Date last) {
  if (first == last) return zh_date(first);
  if (first.year() != last.year()) return zh_date(first) + "－" + zh_date(last);
  if (first.month() != last.month()) return zh_date(first) + "－" + zh_month_day(last);
  return zh_date(first) + "－" + std::to_string(last.day()) + "日";
}

std::string zh_days(const std::vector<Date>& days) {
  if (days.empty()) return {};
  std::string out = std::to_string(days.front().year()) + "年";
  bool same_month = true;
  for (const Date& d : days)
    if (d.month() != days.front().month() || d.year() != days.front().year()) same_month = false;
  if (same_month) {
    out += std::to_string(days.front().month()) + "月";
    for (size_t i = 0; i < days.size(); ++i) out += (i ? "、" : "") + std::to_string(days[i].day());
    return out + "日";
  }
  for (size_t i = 0; i < days.size(); ++i) {
    if (i && days[i].year() != days[i - 1].year()) out += "、" + zh_date(days[i]);
    else out += (i ? "、" : "") + zh_month_day(days[i]);
  }
  return out;
}

std::string zh_weekday_name(unsigned weekday) {
  static const char* names[] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
  return names[weekday % 7];
}

std::string zh_weekday(Date d) { return zh_weekday_name(d.weekday()); }

std::string zh_timing(const ResolvedPhase& rp) {
  // A date known from a single copy of a notice, say, is shown as such wherever it is shown.
  if (!rp.phase.unconfirmed.empty()) {
    std::string text = zh_timing_as_written(rp);
    return text.rfind("待定", 0) == 0 ? text : text + "（待确认）";
  }
  return zh_timing_as_written(rp);
}

std::string zh_timing_as_written(const ResolvedPhase& rp) {
  const Phase& p = rp.phase;
  auto open = [&](const std::string& note) { return note.empty() ? std::string("待定") : "待定（" + note + "）"; };
  if (rp.tba && !rp.first && !rp.last) return open(rp.tba_note);
  switch (p.timing.kind) {
  case TimingKind::window: return zh_window(*rp.first, *rp.last);
  case TimingKind::from: return zh_date(*rp.first) + "起";
  case TimingKind::deadline: return zh_date(*rp.last) + "前";
  case TimingKind::days: {
    std::vector<Date> days;
    for (const DateAt& d : p.timing.days) days.push_back(d.date);
    if (rp.is_exam && days.empty()) return open(rp.tba_note);
    return zh_days(days);
  }
  case TimingKind::relative: {
    std::string date = p.approximate ? "预计" + zh_date(*rp.last) : zh_date(*rp.last);
    return p.text.empty() ? date : date + "（" + p.text + "）";
  }
  case TimingKind::tba: return open(rp.tba_note);
  }
  return {};
}

} // namespace kaowu
