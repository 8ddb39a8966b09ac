#pragma once
#include "bind/feed_events.hpp"
#include "diag/sink.hpp"
#include "io/source_tree.hpp"

namespace kaowu {

// Dates that changed since the previous build with no revision to tell subscribers (KW0402).
// `previous` is the output directory as the last `kaowu build` left it (the project's public/, or
// -o); its feeds/<calendar>.json are compared, item by id, with the feeds about to be built. A
// phase whose dates differ while its calendar's `revision` is the one that build published is
// reported once, at the phase, in the calendar that writes it. Nothing without a previous build;
// a previous file that cannot be read or parsed is passed over (it is output, not input).
void check_against_previous(const std::vector<Feed>& feeds, const SourceTree& previous, DiagnosticSink& sink);

// One dated event a feed of the previous build published: in force (`items`) or cancelled
// (`cancelled`), as its JSON twin (feeds/<stem>.json) lists it. The memory of what subscribers
// hold: an event kaowu no longer publishes must reach them as cancelled (bind/feed_memory.hpp).
struct PreviousEvent {
  std::string id;    // "<feed id>/<key>": the UID without "@kaowu"
  std::string phase; // the phase it came from ("exam" for exam days and sessions)
  std::string title;
  std::string display;
  Audience audience = Audience::candidate;
  Date start, end;                // inclusive days
  std::optional<TimeRange> time;  // a timed session
  bool cancelled = false;         // already published as cancelled
};

// The dated events of the previous build's feed `path_stem` ("feeds/demo-2024"); nothing when
// there is no such feed or it cannot be read or parsed (it is output, not input). Events to be
// announced (no date) never reached a phone and are left out.
std::vector<PreviousEvent> previous_feed_events(const SourceTree& previous, const std::string& path_stem);

} // namespace kaowu
