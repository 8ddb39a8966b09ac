#include "render/ical/vtimezone.hpp"

namespace kaowu {

icalcomponent* shanghai_vtimezone() {
  constexpr int kOffsetSeconds = 8 * 3600;
  icalcomponent* standard = icalcomponent_new(ICAL_XSTANDARD_COMPONENT);
  // Any start before the first exam date will do; 1970 is what most generators use.
  icaltimetype start = icaltime_null_time();
  start.year = 1970;
  start.month = 1;
  start.day = 1;
  icalcomponent_add_property(standard, icalproperty_new_tzoffsetfrom(kOffsetSeconds));
  icalcomponent_add_property(standard, icalproperty_new_tzoffsetto(kOffsetSeconds));
  icalcomponent_add_property(standard, icalproperty_new_tzname("CST"));
  icalcomponent_add_property(standard, icalproperty_new_dtstart(start));

  icalcomponent* zone = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
  icalcomponent_add_property(zone, icalproperty_new_tzid(kShanghaiTzid));
  icalcomponent_add_component(zone, standard);
  return zone;
}

} // namespace kaowu
