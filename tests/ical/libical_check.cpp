// Reads feeds with libical, the third parser: reports parse errors (libical marks them as
// X-LIC-ERROR properties instead of failing) and lists every event as
//   uid|start|end|start in UTC
// with all-day ends made inclusive and timed values converted through the feed's own VTIMEZONE,
// for compare_listing.py to hold against the raw-text oracle.   libical_check FILE.ics…
#include <libical/ical.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

std::string text(icaltimetype t, bool with_time) {
  char buf[32];
  if (with_time)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

std::string tzid_of(icalproperty* p) {
  icalparameter* tz = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : nullptr;
  return tz ? icalparameter_get_tzid(tz) : "";
}

int check_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  icalcomponent* root = icalparser_parse_string(buf.str().c_str());
  if (!root || icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
    std::cerr << path << ": not a VCALENDAR\n";
    if (root) icalcomponent_free(root);
    return 1;
  }
  int failures = 0;
  if (int errors = icalcomponent_count_errors(root); errors > 0) {
    std::cerr << path << ": " << errors << " libical errors\n";
    char* s = icalcomponent_as_ical_string_r(root);
    std::cerr << s;
    icalmemory_free_buffer(s);
    ++failures;
  }
  icaltimezone* zone = nullptr;
  if (icalcomponent* vtz = icalcomponent_get_first_component(root, ICAL_VTIMEZONE_COMPONENT)) {
    zone = icaltimezone_new();
    icaltimezone_set_component(zone, icalcomponent_new_clone(vtz));
  }
  for (icalcomponent* ev = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
    icalproperty* ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    icalproperty* pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
    const char* uid = icalcomponent_get_uid(ev);
    if (!ps || !pe || !uid) {
      std::cerr << path << ": an event without UID, DTSTART or DTEND\n";
      ++failures;
      continue;
    }
    icaltimetype s = icalproperty_get_dtstart(ps), e = icalproperty_get_dtend(pe);
    std::string utc;
    if (s.is_date) {
      icaltime_adjust(&e, -1, 0, 0, 0); // DTEND is exclusive
    } else {
      if (tzid_of(ps) != "Asia/Shanghai" || tzid_of(pe) != "Asia/Shanghai" || !zone) {
        std::cerr << path << ": " << uid << " is not in Asia/Shanghai\n";
        ++failures;
        continue;
      }
      icaltimetype u = icaltime_from_timet_with_zone(icaltime_as_timet_with_zone(s, zone), 0,
                                                     icaltimezone_get_utc_timezone());
      char b[32];
      std::snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02dZ", u.year, u.month, u.day, u.hour, u.minute, u.second);
      utc = b;
    }
    std::cout << uid << '|' << text(s, !s.is_date) << '|' << text(e, !e.is_date) << '|' << utc << '\n';
  }
  if (zone) icaltimezone_free(zone, 1);
  icalcomponent_free(root);
  return failures;
}

} // namespace

int main(int argc, char** argv) {
  int failures = 0;
  for (int i = 1; i < argc; ++i) failures += check_file(argv[i]);
  return failures == 0 ? 0 : 1;
}
