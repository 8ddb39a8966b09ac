#pragma once
#include <string>

#include "render/ical/ical_feed.hpp"

namespace kaowu {

// 加入日历: one event of a feed as a file of its own (bind/event_file.hpp says which events get
// one). The VEVENT is the feed's, byte for byte (same UID, SEQUENCE, DTSTAMP, alarms), so a client
// that holds the feed and the file in one calendar keeps one event. The VCALENDAR is that of an
// invitation to add (METHOD:PUBLISH), not of a subscription: no calendar name, which would make
// Outlook open it as a calendar of its own, and no refresh interval.
// `vevent` is the event's VEVENT as the feed has it (FeedIcal::vevents).
std::string event_file_text(const FeedEvent& event, const std::string& vevent);

// Appends the files of every event of `feed` that has one; `vevents` as feed_ical() gives them.
void append_event_files(const Feed& feed, const std::vector<std::string>& vevents, Artifacts& out);

} // namespace kaowu
