#pragma once
#include <string>

#include "render/feed_events.hpp"

namespace kaowu::json_feed {

// Where the published site puts each file, relative to the output root. The pages are written
// by the site renderer and the .ics files by the iCalendar renderer; the JSON documents only
// list them, so these paths are the contract between the three.

inline const char* const feed_schema_path = "schema/kaowu-feed-v1.schema.json";
inline const char* const index_schema_path = "schema/kaowu-index-v1.schema.json";
inline const char* const index_path = "index.json";
inline const char* const widget_path = "embed/kaowu.js";

inline std::string calendar_page(const std::string& calendar_id) {
  return "calendars/" + calendar_id + "/index.html";
}
inline std::string timetable_page(const std::string& calendar_id) {
  return "calendars/" + calendar_id + "/timetable.html";
}
inline std::string site_page(const std::string& calendar_id, const std::string& site_id) {
  return "calendars/" + calendar_id + "/sites/" + site_id + ".html";
}
inline std::string feed_json_path(const Feed& feed) { return feed.path_stem + ".json"; }
inline std::string feed_ics_path(const Feed& feed) { return feed.path_stem + ".ics"; }

// The page a feed's events link to: an inline site's page for a site feed, else the calendar's.
inline std::string feed_page(const Feed& feed) {
  if (feed.kind == FeedKind::site && feed.site) return site_page(feed.calendar->id(), feed.site->id.value);
  return calendar_page(feed.calendar->id());
}

} // namespace kaowu::json_feed
