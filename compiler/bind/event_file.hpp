#pragma once
#include <string>

#include "bind/feed_events.hpp"

namespace kaowu {

// 加入日历: the events a page offers as a file of their own, one VEVENT under the feed's UID, so
// that a client holding both the file and the feed in one calendar keeps one event.
//
// Dated deadlines and exam days or sessions get one, except possible exam days: a file imported
// once never changes, and a day that may not be the candidate's would stay in their calendar
// after the assignment is published. The feed (which does follow) is the way to hold those.
bool offers_event_file(const FeedEvent& event);

// Where the file of `event` of `feed` is published (SiteLayout::event_file); "" when the event
// has none.
std::string event_file_path(const Feed& feed, const FeedEvent& event);

} // namespace kaowu
