#pragma once
#include <optional>
#include <string>
#include <vector>

namespace kaowu {

// Where everything of the published site lives, and how one file links to another. Every
// renderer (HTML, iCalendar, JSON) and the bind stage's path checks take paths from here, so a
// page, a feed and index.json never disagree about an address. Paths are relative to the output
// root and '/'-separated.
class SiteLayout {
public:
  // Relative links only: the site works from any folder, but offers no webcal:// link.
  SiteLayout() = default;
  // `base_url` as normalize_base_url returns it (absolute, no trailing '/').
  explicit SiteLayout(std::string base_url) : base_(std::move(base_url)) {}

  bool absolute() const { return !base_.empty(); }
  const std::string& base_url() const { return base_; }

  // --- pages
  static std::string index_page() { return "index.html"; }
  static std::string calendar_dir(const std::string& cal) { return "calendars/" + cal + "/"; }
  static std::string calendar_page(const std::string& cal) { return calendar_dir(cal) + "index.html"; }
  static std::string timetable_page(const std::string& cal) { return calendar_dir(cal) + "timetable.html"; }
  static std::string site_page(const std::string& cal, const std::string& site) {
    return calendar_dir(cal) + "sites/" + site + ".html";
  }
  static std::string specialty_page(const std::string& cal, const std::string& code) {
    return calendar_dir(cal) + "specialties/" + code + ".html";
  }
  // 更正公告: what revision `revision` of the calendar changed (calendars/<cal>/corrections/2.html).
  static std::string correction_page(const std::string& cal, int revision) {
    return calendar_dir(cal) + "corrections/" + std::to_string(revision) + ".html";
  }
  static std::string notice_page(const std::string& cal, const std::string& slug) {
    return "notices/" + cal + "/" + slug + ".html";
  }

  // --- feeds: a stem, to which ".ics" or ".json" is added
  static std::string calendar_feed(const std::string& cal) { return "feeds/" + cal; }
  static std::string staff_feed(const std::string& cal) { return "feeds/" + cal + ".staff"; }
  static std::string site_feed(const std::string& cal, const std::string& site) { return "feeds/" + cal + "/" + site; }
  static std::string specialty_feed(const std::string& cal, const std::string& code) {
    return "feeds/" + cal + "/specialty-" + code;
  }
  static std::string ics(const std::string& feed_stem) { return feed_stem + ".ics"; }
  static std::string json(const std::string& feed_stem) { return feed_stem + ".json"; }
  // The page that tells a visitor how to subscribe to a feed on their device.
  static std::string subscribe_page(const std::string& feed_stem);
  // One event of a feed as a file of its own (加入日历), with the feed's UID:
  // feeds/beijing-2024/events/payment.deadline.ics. Keys are ids joined by '/', which never hold
  // a '.', so replacing '/' by '.' keeps two keys apart.
  static std::string event_file(const std::string& feed_stem, const std::string& event_key);

  // --- files of the site as a whole
  static std::string model_file(const std::string& cal) { return "model/" + cal + ".json"; }
  static constexpr const char* index_json = "index.json";
  static constexpr const char* atom = "atom.xml";
  static constexpr const char* sitemap = "sitemap.xml";
  static constexpr const char* feed_schema = "schema/kaowu-feed-v1.schema.json";
  static constexpr const char* index_schema = "schema/kaowu-index-v1.schema.json";
  static constexpr const char* widget = "embed/kaowu.js";
  static constexpr const char* htaccess = ".htaccess";
  static constexpr const char* readme = "README.md";
  // Static files every page refers to (copied from templates/static/).
  static constexpr const char* stylesheet = "site.css";
  static constexpr const char* status_script = "status.js";
  static constexpr const char* subscribe_script = "subscribe.js";
  static constexpr const char* favicon = "favicon.svg";

  // The page templates the site renders (templates/<name>).
  static const std::vector<std::string>& page_templates();

  // --- links
  // The absolute URL of `path`, or "" without a base URL.
  std::string url(const std::string& path) const;
  // webcal://host/path: subscribes on iOS and desktop clients instead of downloading once; "".
  std::string webcal(const std::string& path) const;
  // From the file at `from` to the one at `to`: absolute with a base URL, else relative.
  std::string link(const std::string& from, const std::string& to) const;
  // Always relative: "../../" + to for a page two folders deep.
  static std::string relative(const std::string& from, const std::string& to) { return root_of(from) + to; }
  // "../../" for "calendars/x/index.html".
  static std::string root_of(const std::string& path);

private:
  std::string base_;
};

// The base URL as links use it: an absolute http(s) URL without query, fragment, spaces or
// non-ASCII characters, with trailing slashes removed. nullopt when `text` is not one.
std::optional<std::string> normalize_base_url(const std::string& text);

} // namespace kaowu
