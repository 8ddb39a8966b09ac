#pragma once
#include "bind/feed_events.hpp"
#include "layout/site_layout.hpp"
#include "render/json/values.hpp"

namespace kaowu::json_feed {

// What the feeds say of revisions (docs/json.md, "Revisions"). Added in version 1: clients that
// predate them ignore them, and `items` still holds only what is in force.

// "revision": the revision the feed is at (its calendar's and those above it), its date, the
// document that announced it and its correction page. `self` is the feed's own path.
void revision_value(JsonWriter& w, const Feed& feed, const SiteLayout& links, const std::string& self);
// "changes": every change of an event since the first revision, the newest first.
void changes_value(JsonWriter& w, const Feed& feed);
// An item's "was": the dates it had before the latest revision moved it (or left it to be
// announced), else null.
void was_value(JsonWriter& w, const FeedEvent& event);

} // namespace kaowu::json_feed
