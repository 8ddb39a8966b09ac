#pragma once
#include <string>
#include <vector>

#include "render/json/feed_json.hpp"

namespace kaowu::json_feed {

// public/index.json: every calendar with its pages, its sites and all its feeds (JSON and
// iCalendar), so an embedder can discover what to embed. Key order as in
// templates/static/schema/kaowu-index-v1.schema.json. The index gives each feed's number of
// events, not the events.
std::string index_json_text(const ResolvedProject& project, const std::vector<Feed>& feeds, const SiteLayout& links,
                            JsonStyle style);

} // namespace kaowu::json_feed
