#include "render/html/page_feeds.hpp"

#include "bind/event_file.hpp"

namespace kaowu {

namespace {
const Feed* first_of(const BoundSite& site, const ResolvedCalendar& cal, FeedKind kind, const SiteInfo* s = nullptr) {
  for (const Feed& f : site.feeds)
    if (f.calendar == &cal && f.kind == kind && (s == nullptr || f.site == s)) return &f;
  return nullptr;
}
} // namespace

const Feed* calendar_feed_of(const BoundSite& site, const ResolvedCalendar& cal) {
  return first_of(site, cal, FeedKind::calendar);
}

const Feed* staff_feed_of(const BoundSite& site, const ResolvedCalendar& cal) {
  return first_of(site, cal, FeedKind::staff);
}

const Feed* site_feed_of(const BoundSite& site, const ResolvedCalendar& cal, const SiteInfo& s) {
  return first_of(site, cal, FeedKind::site, &s);
}

const FeedEvent* find_event(const Feed& feed, const std::string& key) {
  for (const FeedEvent& e : feed.events)
    if (e.key == key) return &e;
  return nullptr;
}

bool is_exam_event(const FeedEvent& e) {
  return e.phase_id == "exam" && e.start && (e.kind == EventKind::session || e.kind == EventKind::exam_day);
}

std::string event_href(const std::string& from, const Feed& feed, const FeedEvent& e) {
  std::string path = event_file_path(feed, e);
  return path.empty() ? std::string() : SiteLayout::relative(from, path);
}

const FeedEvent* deadline_event(const Feed& feed, const std::string& phase_id) {
  for (const FeedEvent& e : feed.events)
    if (e.phase_id == phase_id && e.kind == EventKind::deadline) return &e;
  return nullptr;
}

} // namespace kaowu
