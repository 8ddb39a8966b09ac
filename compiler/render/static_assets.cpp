#include "render/static_assets.hpp"

namespace kaowu {

std::string media_type_for(const std::string& path) {
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".ics")) return "text/calendar; charset=utf-8";
  if (ends(".xml")) return "application/xml";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".md") || ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Artifacts render_static_assets(const SiteSources& site) {
  Artifacts out;
  for (const StaticFile& f : site.static_files) out.push_back(Artifact{f.path, media_type_for(f.path), f.bytes});
  return out;
}

} // namespace kaowu
