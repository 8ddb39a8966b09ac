#include "render/json/render_json.hpp"

#include "render/json/feed_json.hpp"
#include "render/json/index_json.hpp"

namespace kaowu {

Artifact feed_json_artifact(const Feed& feed, const SiteLayout& layout, JsonStyle style) {
  return Artifact{SiteLayout::json(feed.path_stem), "application/json", json_feed::feed_json_text(feed, layout, style)};
}

Artifact index_json_artifact(const BoundSite& site, JsonStyle style) {
  return Artifact{SiteLayout::index_json, "application/json",
                  json_feed::index_json_text(*site.project, site.feeds, site.layout, style)};
}

Artifacts render_json(const BoundSite& site, JsonStyle style) {
  Artifacts out;
  for (const Feed& feed : site.feeds) out.push_back(feed_json_artifact(feed, site.layout, style));
  out.push_back(index_json_artifact(site, style));
  return out;
}

} // namespace kaowu
