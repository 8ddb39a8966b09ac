#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kaowu {

// How a web server must send each kind of file the site has, by extension: the one list behind
// `kaowu serve`, the .htaccess the build writes and the static files' types. docs/serving.md
// gives the same table to people configuring nginx, IIS or a CDN, and tests/serving checks that
// nginx and Apache with the documented configurations, and `kaowu serve`, send exactly this.
enum class CacheClass {
  page,  // pages: revalidated on every view, so a correction shows at once
  feed,  // feeds and data: an hour, then revalidated (ETag / Last-Modified)
  asset, // style sheets, scripts, images: a day
};

struct MediaRule {
  std::string_view extension; // without the dot
  std::string_view type;      // the Content-Type, with charset=utf-8 for every text type
  bool cross_origin;          // Access-Control-Allow-Origin: * (other sites fetch feeds and data)
  CacheClass cache;
  bool compress;              // worth gzip (text); images other than SVG are compressed already
};

const std::vector<MediaRule>& media_rules();

// The rule for `path` by its extension, or nullptr.
const MediaRule* media_rule_for(std::string_view path);

// The Content-Type `path` is served with; application/octet-stream for an extension the site
// never writes.
std::string media_type_for(const std::string& path);

// The Cache-Control value of a class.
std::string_view cache_control(CacheClass cache);

// The media type without its parameters ("text/calendar" for "text/calendar; charset=utf-8").
std::string_view bare_media_type(std::string_view type);

} // namespace kaowu
