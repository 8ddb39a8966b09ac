#pragma once
#include <string>

#include "bind/feed_events.hpp"
#include "layout/site_layout.hpp"
#include "render/json/values.hpp"

namespace kaowu::json_feed {

// One feed as the JSON document published at <feed.path_stem>.json, in the fixed key order the
// schema (templates/static/schema/kaowu-feed-v1.schema.json) and docs/json.md document.
std::string feed_json_text(const Feed& feed, const SiteLayout& links, JsonStyle style);

// The same document, parsed: what a client reads (tests).
ordered_json feed_json(const Feed& feed, const SiteLayout& links);

// ISO 8601 as the feeds write it: "2024-04-13", or "2024-04-13T08:30:00+08:00" with a time of day
// (Asia/Shanghai is UTC+8 all year).
std::string iso_date_time(Date day, int minute_of_day);

} // namespace kaowu::json_feed
