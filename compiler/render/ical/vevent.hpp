#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <libical/ical.h>

#include "bind/feed_events.hpp"

namespace kaowu {

// What every event of one feed shares.
struct EventContext {
  const ResolvedCalendar* calendar = nullptr; // for the phase's own url
  int sequence = 0;
  int64_t dtstamp = 0;   // seconds since the epoch, UTC
  // With a revision history: LAST-MODIFIED of an event no revision changed (its first
  // publication); the others carry their revision's date. Nothing without one.
  std::optional<int64_t> first_published;
  std::string page_url;  // the calendar's notice page, or "" without --base-url
};

// The VEVENT of one feed event; nullptr for an event without a date (tba events are left out of
// iCalendar: it has no way to say "date not published"). The caller owns the component.
// All-day events use DATE values with an exclusive DTEND (the day after the last day); sessions
// are timed in Asia/Shanghai.
icalcomponent* event_to_vevent(const FeedEvent& event, const EventContext& context);

// A withdrawn event, published once more under its old UID with STATUS:CANCELLED.
icalcomponent* withdrawal_to_vevent(const Withdrawal& withdrawal, const std::string& feed_id,
                                    const EventContext& context);

// An event an earlier revision published with a date that this one drops or leaves to be
// announced (bind/feed_history.hpp), under its old UID with STATUS:CANCELLED and its old dates.
// `now` is the event as it is now, when it is to be announced (待定), else nullptr.
icalcomponent* cancelled_to_vevent(const FeedEvent& event, const FeedEvent* now, const EventContext& context);

// "<feed id>/<event key>@kaowu": never derived from dates or list positions.
std::string event_uid(const std::string& feed_id, const std::string& key);

} // namespace kaowu
