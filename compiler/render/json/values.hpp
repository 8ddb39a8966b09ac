#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "bind/feed_events.hpp"
#include "model/resolved.hpp"
#include "render/json/json_writer.hpp"

namespace kaowu::json_feed {

// Documents as tests read them back (the renderers write text directly with JsonWriter).
using ordered_json = nlohmann::ordered_json;

// A date as the feeds and the index write it, or null where the source leaves it open.
inline JsonWriter& date_or_null(JsonWriter& w, const std::optional<Date>& d) { return d ? w.value(d->iso()) : w.null(); }

const char* feed_kind_name(FeedKind kind);

// The calendar's own facts, shared by the feeds ("calendar") and the index ("calendars[]"): its
// members, written into the object the caller has opened.
void calendar_fields(JsonWriter& w, const Calendar& calendar);

} // namespace kaowu::json_feed
