#include "render/json/render_json.hpp"

#include <algorithm>

#include "render/json/feed_json.hpp"
#include "render/json/index_json.hpp"
#include "render/json/site_paths.hpp"
#include "render/parallel.hpp"

namespace kaowu {

std::string json_bytes(const nlohmann::ordered_json& doc) {
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

namespace {

bool has_static_file(const SiteSources& site, const std::string& path) {
  return std::any_of(site.static_files.begin(), site.static_files.end(),
                     [&](const StaticFile& f) { return f.path == path; });
}

} // namespace

Artifacts render_json(const ResolvedProject& project, const std::vector<Feed>& feeds, const SiteSources& site,
                      DiagnosticSink& sink) {
  using namespace json_feed;
  Artifacts out;
  std::string base;
  if (!site.base_url.empty()) {
    std::optional<std::string> normalized = normalize_base_url(site.base_url);
    if (!normalized) {
      sink.report(DiagKind::base_url_invalid, Location{"--base-url", 0, 0, 0}, {site.base_url});
      return out;
    }
    base = *normalized;
  }
  for (const char* schema : {feed_schema_path, index_schema_path})
    if (!has_static_file(site, schema))
      sink.report(DiagKind::json_schema_missing, Location{site.templates_dir + "/static/" + schema, 0, 0, 0},
                  {schema});

  Links links(base);
  out = parallel_map(feeds.size(), [&](size_t i) {
    return Artifact{feed_json_path(feeds[i]), "application/json", json_bytes(feed_json(feeds[i], links))};
  });
  out.push_back(Artifact{index_path, "application/json", json_bytes(index_json(project, feeds, links))});
  return out;
}

} // namespace kaowu
