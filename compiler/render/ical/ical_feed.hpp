#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bind/bind.hpp"
#include "render/artifact.hpp"
#include "render/ical/vevent.hpp"

namespace kaowu {

struct IcalOptions {
  SiteLayout layout;                        // links need the base URL
  std::optional<int64_t> source_date_epoch; // DTSTAMP when no calendar has an issued date
};

// The withdrawn events a feed publishes as cancelled: those of its calendar and its ancestors
// whose audience the feed serves (candidate and site feeds: candidate; staff feed: the rest),
// and whose key the feed no longer carries. Specialty feeds carry none.
std::vector<const Withdrawal*> withdrawals_for(const Feed& feed);

// What every event of `feed` shares: SEQUENCE, DTSTAMP and the page its events link to.
EventContext feed_event_context(const Feed& feed, const IcalOptions& options);

// One feed as iCalendar text, serialized by libical: UTF-8, CRLF, folded at 75 octets without
// splitting a character; and the text of each of its events' VEVENT, in the order of
// feed.events ("" for an event the feed does not carry), for the events' own files.
struct FeedIcal {
  std::string feed;
  std::vector<std::string> vevents;
};
FeedIcal feed_ical(const Feed& feed, const IcalOptions& options);
std::string feed_to_ical(const Feed& feed, const IcalOptions& options); // feed_ical(...).feed

// The last line of every VCALENDAR, and the text of one up to it (the component is freed).
inline constexpr std::string_view kVcalendarEnd = "END:VCALENDAR\r\n";
std::string open_vcalendar_text(icalcomponent* vcalendar);
// The VTIMEZONE of Asia/Shanghai as text, serialized once.
const std::string& shanghai_vtimezone_text();

// The feed at <feed.path_stem>.ics (text/calendar; charset=utf-8), then the files of its single
// events (render/ical/event_files.hpp).
void append_ical_files(const Feed& feed, const IcalOptions& options, Artifacts& out);

// Call once before feeds are rendered on several threads (see ical_feed.cpp).
void prepare_ical_threads();

// Every feed of the site at <feed.path_stem>.ics, the files of its single events
// (render/ical/event_files.hpp), then the public/.htaccess that serves them with their type
// (tests; a build streams the same artifacts through render_all).
Artifacts render_ical(const BoundSite& site);

} // namespace kaowu
