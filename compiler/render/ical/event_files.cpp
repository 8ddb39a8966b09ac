#include "render/ical/event_files.hpp"

#include <libical/ical.h>

#include "bind/event_file.hpp"

namespace kaowu {

namespace {
// The head every event file shares: the VCALENDAR of an invitation to add.
const std::string& event_file_head() {
  static const std::string head = [] {
    icalcomponent* cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal, icalproperty_new_prodid("-//kaowu//kaowu//ZH"));
    icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    return open_vcalendar_text(cal);
  }();
  return head;
}
} // namespace

std::string event_file_text(const FeedEvent& event, const std::string& vevent) {
  std::string out = event_file_head();
  if (event.kind == EventKind::session && event.time) out += shanghai_vtimezone_text();
  out += vevent;
  out += kVcalendarEnd;
  return out;
}

void append_event_files(const Feed& feed, const std::vector<std::string>& vevents, Artifacts& out) {
  for (size_t i = 0; i < feed.events.size() && i < vevents.size(); ++i) {
    std::string path = event_file_path(feed, feed.events[i]);
    if (!path.empty() && !vevents[i].empty())
      out.push_back(Artifact{path, "text/calendar; charset=utf-8", event_file_text(feed.events[i], vevents[i])});
  }
}

} // namespace kaowu
