#pragma once
#include <string>

#include "render/ical/ical_feed.hpp"

namespace kaowu {

// 加入日历: one event of a feed as a file of its own (bind/event_file.hpp says which events get
// one). The VEVENT is the feed's, byte for byte (same UID, SEQUENCE, DTSTAMP, alarms), so a client
// that holds the feed and the file in one calendar keeps one event. The VCALENDAR is that of an
// invitation to add (METHOD:PUBLISH), not of a subscription: no calendar name, which would make
// Outlook open it as a calendar of its own, and no refresh interval.
std::string event_to_ical(const Feed& feed, const FeedEvent& event, const IcalOptions& options);

// Appends the files of every event of `feed` that has one.
void append_event_files(const Feed& feed, const IcalOptions& options, Artifacts& out);

} // namespace kaowu
