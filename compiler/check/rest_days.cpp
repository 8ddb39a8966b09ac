#include "check/rest_days.hpp"

#include "text/zh_format.hpp"

namespace kaowu {

namespace {
const char* weekday_en(Date d) {
  static const char* names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return names[d.weekday()];
}

// The holiday a 调休 working day makes up for.
std::string swapped_for(const Project& project, Date day) {
  for (const HolidayYear& y : project.holidays)
    for (const HolidayBreak& b : y.breaks)
      for (const DateAt& w : b.workdays)
        if (w.date == day) return b.name;
  return {};
}
} // namespace

RestDay rest_day(const ResolvedProject& project, Date day) {
  RestDay r;
  const HolidayCalendar& h = project.holidays;
  r.known = h.covers(day.year());
  if (const std::string* name = h.holiday_name(day)) {
    r.rest = true;
    r.why_en = r.why_zh = *name;
  } else if (h.is_swapped_workday(day)) {
    std::string holiday = swapped_for(*project.project, day);
    r.why_en = std::string("a ") + weekday_en(day) + " worked in exchange for " + holiday + " (调休)";
    r.why_zh = zh_weekday(day) + "，" + holiday + "调休上班";
  } else {
    r.rest = day.is_weekend();
    r.why_en = weekday_en(day);
    r.why_zh = zh_weekday(day);
  }
  return r;
}

} // namespace kaowu
