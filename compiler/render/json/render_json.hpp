#pragma once
#include "bind/bind.hpp"
#include "render/artifact.hpp"
#include "render/json/json_writer.hpp"

namespace kaowu {

// One feed (built with its events) as <path_stem>.json: the same events and ids as its .ics.
Artifact feed_json_artifact(const Feed& feed, const SiteLayout& layout, JsonStyle style);
// index.json: every calendar, site, page and feed of the site.
Artifact index_json_artifact(const BoundSite& site, JsonStyle style);

// The whole JSON side of the site in memory, every feed in publishing order, then index.json
// (tests; a build streams the same artifacts through render_all).
Artifacts render_json(const BoundSite& site, JsonStyle style = JsonStyle::minified);

} // namespace kaowu
