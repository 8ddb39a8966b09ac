#include "model/resolved.hpp"

namespace kaowu {

bool ResolvedPhase::has_kind(std::string_view kind) const {
  for (const std::string& k : phase.kinds)
    if (k == kind) return true;
  return false;
}

const Specialty* ResolvedCatalogue::find(const std::string& code) const {
  for (const Specialty& s : specialties)
    if (s.code.value == code) return &s;
  return nullptr;
}

const ResolvedPhase* ResolvedCalendar::find(const std::string& phase_id) const {
  for (const ResolvedPhase& p : phases)
    if (p.phase.id.value == phase_id) return &p;
  return nullptr;
}

const ResolvedCalendar* ResolvedProject::find(const std::string& calendar_id) const {
  for (const ResolvedCalendar& c : calendars)
    if (c.id() == calendar_id) return &c;
  return nullptr;
}

void HolidayCalendar::add(const HolidayYear& year) {
  years_.insert(year.year);
  for (const HolidayBreak& b : year.breaks) {
    for (Date d = b.start.date; d <= b.end.date && days_between(b.start.date, d) < 60; d = d.plus_days(1))
      off_[d] = b.name;
    for (const DateAt& w : b.workdays) workdays_.insert(w.date);
  }
}

bool HolidayCalendar::is_rest_day(Date d) const {
  if (off_.count(d)) return true;
  if (workdays_.count(d)) return false;
  return d.is_weekend();
}

const std::string* HolidayCalendar::holiday_name(Date d) const {
  auto it = off_.find(d);
  return it == off_.end() ? nullptr : &it->second;
}

} // namespace kaowu
