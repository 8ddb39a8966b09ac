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
// The specialty feeds of the calendar that defines `cal`'s exam, in catalogue order (a site
// calendar's candidates use their region's); empty when there are none.
std::vector<const Feed*> specialty_feeds_for(const BoundSite& site, const ResolvedCalendar& cal);

const FeedEvent* find_event(const Feed& feed, const std::string& key);
// The event that marks the last day to act on a phase (a window's 【截止】 reminder or a
// deadline), or nullptr.
const FeedEvent* deadline_event(const Feed& feed, const std::string& phase_id);

} // namespace kaowu
