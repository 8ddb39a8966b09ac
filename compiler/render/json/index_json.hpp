#pragma once
#include <vector>

#include "render/json/feed_json.hpp"

namespace kaowu::json_feed {

// public/index.json: every calendar with its pages, its sites and all its feeds (JSON and
// iCalendar), so an embedder can discover what to embed. Key order as in
// templates/static/schema/kaowu-index-v1.schema.json.
ordered_json index_json(const ResolvedProject& project, const std::vector<Feed>& feeds, const SiteLayout& links);

} // namespace kaowu::json_feed
