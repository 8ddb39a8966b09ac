#include "render/ical/event_files.hpp"

#include <libical/ical.h>

#include "bind/event_file.hpp"
#include "render/ical/vtimezone.hpp"

namespace kaowu {

std::string event_to_ical(const Feed& feed, const FeedEvent& event, const IcalOptions& options) {
  icalcomponent* cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_prodid("-//kaowu//kaowu//ZH"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
  if (event.kind == EventKind::session && event.time) icalcomponent_add_component(cal, shanghai_vtimezone());
  if (icalcomponent* ev = event_to_vevent(event, feed_event_context(feed, options))) icalcomponent_add_component(cal, ev);
  char* text = icalcomponent_as_ical_string_r(cal);
  std::string out = text ? text : "";
  icalmemory_free_buffer(text);
  icalcomponent_free(cal);
  return out;
}

void append_event_files(const Feed& feed, const IcalOptions& options, Artifacts& out) {
  for (const FeedEvent& e : feed.events) {
    std::string path = event_file_path(feed, e);
    if (!path.empty()) out.push_back(Artifact{path, "text/calendar; charset=utf-8", event_to_ical(feed, e, options)});
  }
}

} // namespace kaowu
