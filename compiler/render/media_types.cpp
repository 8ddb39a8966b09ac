#include "render/media_types.hpp"

namespace kaowu {

const std::vector<MediaRule>& media_rules() {
  static const std::vector<MediaRule> rules = {
      {"html", "text/html; charset=utf-8", false, CacheClass::page, true},
      {"ics", "text/calendar; charset=utf-8", true, CacheClass::feed, true},
      {"json", "application/json; charset=utf-8", true, CacheClass::feed, true},
      // atom.xml and sitemap.xml: a server decides by extension, so the Atom feed is sent as XML,
      // which feed readers take.
      {"xml", "application/xml; charset=utf-8", true, CacheClass::feed, true},
      {"css", "text/css; charset=utf-8", false, CacheClass::asset, true},
      {"js", "text/javascript; charset=utf-8", false, CacheClass::asset, true},
      {"svg", "image/svg+xml", false, CacheClass::asset, true},
      {"png", "image/png", false, CacheClass::asset, false},
      // public/README.md: shown as text in a browser (text/markdown would download it).
      {"md", "text/plain; charset=utf-8", false, CacheClass::page, true},
      {"txt", "text/plain; charset=utf-8", false, CacheClass::page, true},
  };
  return rules;
}

const MediaRule* media_rule_for(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return nullptr; // .htaccess has no extension
  std::string_view ext = name.substr(dot + 1);
  for (const MediaRule& r : media_rules())
    if (r.extension == ext) return &r;
  return nullptr;
}

std::string media_type_for(const std::string& path) {
  const MediaRule* r = media_rule_for(path);
  return r ? std::string(r->type) : "application/octet-stream";
}

std::string_view cache_control(CacheClass cache) {
  switch (cache) {
  case CacheClass::page: return "no-cache";
  case CacheClass::feed: return "public, max-age=3600";
  case CacheClass::asset: return "public, max-age=86400";
  }
  return "no-cache";
}

std::string_view bare_media_type(std::string_view type) {
  size_t semi = type.find(';');
  return semi == std::string_view::npos ? type : type.substr(0, semi);
}

} // namespace kaowu
