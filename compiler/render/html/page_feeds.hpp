#pragma once
#include <string>
#include <vector>

#include "bind/bind.hpp"

namespace kaowu {

// Which of the bound site's feeds a page shows, and the events of one feed a page links to.
// Feeds are found by what they belong to (pointer and kind), never by rebuilding their ids.

const Feed* calendar_feed_of(const BoundSite& site, const ResolvedCalendar& cal);
// nullptr when the calendar publishes no staff feed (it has no staff events).
const Feed* staff_feed_of(const BoundSite& site, const ResolvedCalendar& cal);
const Feed* site_feed_of(const BoundSite& site, const ResolvedCalendar& cal, const SiteInfo& s);

const FeedEvent* find_event(const Feed& feed, const std::string& key);
// An exam day or session (not a per-batch staff task).
bool is_exam_event(const FeedEvent& event);
// 加入日历: the link from the page at `from` to the file of `event` of `feed`; "" when the
// event has none (bind/event_file.hpp).
std::string event_href(const std::string& from, const Feed& feed, const FeedEvent& event);
// The event that marks the last day to act on a phase (a window's 【截止】 reminder or a
// deadline), or nullptr.
const FeedEvent* deadline_event(const Feed& feed, const std::string& phase_id);

} // namespace kaowu
