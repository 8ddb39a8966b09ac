#include "render/ical/feed_links.hpp"

namespace kaowu {
namespace {

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// webcal:// asks the phone to subscribe instead of downloading once; it replaces the scheme.
std::string webcal_of(const std::string& url) {
  size_t colon = url.find("://");
  if (colon == std::string::npos) return {};
  return "webcal" + url.substr(colon);
}

} // namespace

FeedLinks feed_links(const Feed& feed, const std::string& base_url) {
  FeedLinks links;
  links.path = feed.path_stem + ".ics";
  if (base_url.empty()) return links;
  links.https = without_trailing_slash(base_url) + "/" + links.path;
  links.webcal = webcal_of(links.https);
  return links;
}

std::string calendar_page_url(const std::string& calendar_id, const std::string& base_url) {
  if (base_url.empty()) return {};
  return without_trailing_slash(base_url) + "/calendars/" + calendar_id + "/";
}

} // namespace kaowu
