#pragma once
#include <string>

#include "render/feed_events.hpp"

namespace kaowu {

// Where a feed and a calendar's page are served, for DESCRIPTION/URL and for the pages that link
// feeds. Absolute links need --base-url; without it only the relative path is known.
struct FeedLinks {
  std::string path;   // "feeds/beijing-2024-fengtai.ics", relative to public/
  std::string https;  // "https://example.org/feeds/beijing-2024-fengtai.ics", or "" without a base
  std::string webcal; // "webcal://example.org/feeds/beijing-2024-fengtai.ics", or ""
};

FeedLinks feed_links(const Feed& feed, const std::string& base_url);

// "https://example.org/calendars/beijing-2024-fengtai/", or "" without a base URL.
std::string calendar_page_url(const std::string& calendar_id, const std::string& base_url);

} // namespace kaowu
