#pragma once
#include <string>

namespace kaowu {

// Where each page and feed lives in public/ (other renderers link to these paths too).
std::string calendar_page_path(const std::string& calendar_id);  // calendars/<id>/index.html
std::string timetable_page_path(const std::string& calendar_id); // calendars/<id>/timetable.html
std::string site_page_path(const std::string& calendar_id, const std::string& site_id);
std::string notice_page_path(const std::string& calendar_id, const std::string& slug);
std::string calendar_feed_path(const std::string& calendar_id, const char* extension); // feeds/<id>.ics
std::string staff_feed_path(const std::string& calendar_id);                          // feeds/<id>.staff.ics
std::string site_feed_path(const std::string& calendar_id, const std::string& site_id, const char* extension);
std::string specialty_feed_path(const std::string& calendar_id, const std::string& code);

// "../../" for "calendars/x/index.html": links stay relative so public/ works from any folder.
std::string relative_root(const std::string& page_path);

// Absolute URLs, when the site's address is known (--base-url).
class SiteUrls {
public:
  explicit SiteUrls(std::string base_url); // a trailing '/' is added when missing
  bool known() const { return !base_.empty(); }
  std::string https(const std::string& path) const; // base + path, or "" when unknown
  std::string webcal(const std::string& path) const; // webcal://host/path, or ""

private:
  std::string base_;
};

} // namespace kaowu
