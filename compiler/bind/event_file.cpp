#include "bind/event_file.hpp"

#include "layout/site_layout.hpp"

namespace kaowu {

bool offers_event_file(const FeedEvent& e) {
  if (!e.start || e.possible) return false;
  return e.kind == EventKind::deadline || e.kind == EventKind::session || e.kind == EventKind::exam_day;
}

std::string event_file_path(const Feed& feed, const FeedEvent& event) {
  return offers_event_file(event) ? SiteLayout::event_file(feed.path_stem, event.key) : std::string();
}

} // namespace kaowu
