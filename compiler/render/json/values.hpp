#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/resolved.hpp"
#include "bind/feed_events.hpp"

namespace kaowu::json_feed {

using ordered_json = nlohmann::ordered_json;

// Values as the feeds and the index write them: what the source leaves open is null, never "".
inline ordered_json text_or_null(const std::string& s) { return s.empty() ? ordered_json() : ordered_json(s); }
inline ordered_json date_or_null(const std::optional<Date>& d) {
  return d ? ordered_json(d->iso()) : ordered_json();
}

const char* feed_kind_name(FeedKind kind);

// The calendar's own facts, shared by the feeds ("calendar") and the index ("calendars[]").
ordered_json calendar_json(const Calendar& calendar);

} // namespace kaowu::json_feed
