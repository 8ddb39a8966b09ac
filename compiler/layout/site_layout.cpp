#include "layout/site_layout.hpp"

#include <algorithm>
#include <cctype>

namespace kaowu {

std::string SiteLayout::subscribe_page(const std::string& feed_stem) {
  // feeds/beijing-2024.staff -> subscribe/beijing-2024.staff.html
  std::string rest = feed_stem.compare(0, 6, "feeds/") == 0 ? feed_stem.substr(6) : feed_stem;
  return "subscribe/" + rest + ".html";
}

std::string SiteLayout::event_file(const std::string& feed_stem, const std::string& event_key) {
  std::string key = event_key;
  std::replace(key.begin(), key.end(), '/', '.');
  return feed_stem + "/events/" + key + ".ics";
}

const std::vector<std::string>& SiteLayout::page_templates() {
  static const std::vector<std::string> pages = {"index-page.mustache",     "calendar-page.mustache",
                                                 "timetable-page.mustache", "site-page.mustache",
                                                 "notice-page.mustache",    "specialty-page.mustache",
                                                 "subscribe-page.mustache", "correction-page.mustache"};
  return pages;
}

std::string SiteLayout::url(const std::string& path) const { return absolute() ? base_ + "/" + path : ""; }

std::string SiteLayout::webcal(const std::string& path) const {
  if (!absolute()) return "";
  size_t colon = base_.find("://");
  return "webcal" + base_.substr(colon) + "/" + path;
}

std::string SiteLayout::link(const std::string& from, const std::string& to) const {
  return absolute() ? url(to) : relative(from, to);
}

std::string SiteLayout::root_of(const std::string& path) {
  std::string out;
  for (long i = std::count(path.begin(), path.end(), '/'); i > 0; --i) out += "../";
  return out;
}

std::optional<std::string> normalize_base_url(const std::string& text) {
  std::string url = text;
  while (!url.empty() && url.back() == '/') url.pop_back();
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  std::string scheme = url.substr(0, scheme_end);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  if (scheme != "http" && scheme != "https") return std::nullopt;
  std::string rest = url.substr(scheme_end + 3);
  if (rest.empty() || rest.front() == '/') return std::nullopt; // no host
  // Characters a URI may hold unescaped, minus the query and fragment delimiters: the links are
  // built by appending paths, which a query or fragment would swallow.
  static const std::string allowed = "-._~:/[]@!$&'()*+,;=%";
  for (unsigned char c : rest)
    if (!(c < 0x80 && std::isalnum(c)) && allowed.find(static_cast<char>(c)) == std::string::npos)
      return std::nullopt;
  return url;
}

} // namespace kaowu
