#include "render/json/render_json.hpp"

#include "render/json/feed_json.hpp"
#include "render/json/index_json.hpp"
#include "render/parallel.hpp"

namespace kaowu {

std::string json_bytes(const nlohmann::ordered_json& doc) {
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Artifacts render_json(const BoundSite& site) {
  using namespace json_feed;
  const std::vector<Feed>& feeds = site.feeds;
  Artifacts out = parallel_map(feeds.size(), [&](size_t i) {
    return Artifact{SiteLayout::json(feeds[i].path_stem), "application/json", json_bytes(feed_json(feeds[i], site.layout))};
  });
  out.push_back(Artifact{SiteLayout::index_json, "application/json", json_bytes(index_json(*site.project, feeds, site.layout))});
  return out;
}

} // namespace kaowu
