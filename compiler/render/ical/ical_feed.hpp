#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "load/site_sources.hpp"
#include "render/artifact.hpp"
#include "render/feed_events.hpp"

namespace kaowu {

struct IcalOptions {
  std::string base_url;                     // --base-url; links need it
  std::optional<int64_t> source_date_epoch; // DTSTAMP when no calendar has an issued date
};

// The withdrawn events a feed publishes as cancelled: those of its calendar and its ancestors
// whose audience the feed serves (candidate and site feeds: candidate; staff feed: the rest),
// and whose key the feed no longer carries. Specialty feeds carry none.
std::vector<const Withdrawal*> withdrawals_for(const Feed& feed);

// One feed as iCalendar text, serialized by libical: UTF-8, CRLF, folded at 75 octets without
// splitting a character.
std::string feed_to_ical(const Feed& feed, const IcalOptions& options);

// Every feed of the project at <feed.path_stem>.ics (text/calendar; charset=utf-8), and the
// public/.htaccess that serves them with that type. Reports a withdrawn event that its own
// calendar still publishes (KW0400).
Artifacts render_ical(const std::vector<Feed>& feeds, const SiteSources& site, DiagnosticSink& sink);

} // namespace kaowu
