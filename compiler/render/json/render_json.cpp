#include "render/json/render_json.hpp"

#include "render/json/feed_json.hpp"
#include "render/json/index_json.hpp"

namespace kaowu {

Artifact feed_json_artifact(const Feed& feed, const SiteLayout& layout, JsonStyle style) {
  return Artifact{SiteLayout::json(feed.path_stem), "application/json", json_feed::feed_json_text(feed, layout, style)};
}

Artifact index_json_artifact(const BoundSite& site, const std::vector<Feed>& feeds, JsonStyle style) {
  return Artifact{SiteLayout::index_json, "application/json",
                  json_feed::index_json_text(*site.project, feeds, site.layout, style)};
}

Artifacts render_json(const BoundSite& site, JsonStyle style) {
  Artifacts out;
  std::vector<Feed> counted;
  if (!site.feeds.empty()) // a model with errors has no feeds
    for (const ResolvedCalendar& rc : site.project->calendars)
      for (Feed& feed : calendar_feeds(rc)) {
        out.push_back(feed_json_artifact(feed, site.layout, style));
        feed.events.clear();
        counted.push_back(std::move(feed));
      }
  out.push_back(index_json_artifact(site, counted, style));
  return out;
}

} // namespace kaowu
