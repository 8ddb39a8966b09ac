#include "render/html/links.hpp"

#include <algorithm>

namespace kaowu {

std::string calendar_page_path(const std::string& id) { return "calendars/" + id + "/index.html"; }
std::string timetable_page_path(const std::string& id) { return "calendars/" + id + "/timetable.html"; }
std::string site_page_path(const std::string& id, const std::string& site) {
  return "calendars/" + id + "/sites/" + site + ".html";
}
std::string notice_page_path(const std::string& id, const std::string& slug) {
  return "notices/" + id + "/" + slug + ".html";
}
std::string calendar_feed_path(const std::string& id, const char* extension) {
  return "feeds/" + id + extension;
}
std::string staff_feed_path(const std::string& id) { return "feeds/" + id + ".staff.ics"; }
std::string site_feed_path(const std::string& id, const std::string& site, const char* extension) {
  return "feeds/" + id + "/" + site + extension;
}
std::string specialty_feed_path(const std::string& id, const std::string& code) {
  return "feeds/" + id + "/specialty-" + code + ".ics";
}

std::string relative_root(const std::string& page_path) {
  std::string out;
  for (long i = std::count(page_path.begin(), page_path.end(), '/'); i > 0; --i) out += "../";
  return out;
}

SiteUrls::SiteUrls(std::string base_url) : base_(std::move(base_url)) {
  if (!base_.empty() && base_.back() != '/') base_ += '/';
}

std::string SiteUrls::https(const std::string& path) const { return known() ? base_ + path : ""; }

std::string SiteUrls::webcal(const std::string& path) const {
  if (!known()) return "";
  size_t scheme = base_.find("://");
  return "webcal://" + (scheme == std::string::npos ? base_ : base_.substr(scheme + 3)) + path;
}

} // namespace kaowu
