#include "render/json/values.hpp"

namespace kaowu::json_feed {

const char* feed_kind_name(FeedKind k) {
  switch (k) {
  case FeedKind::calendar: return "calendar";
  case FeedKind::staff: return "staff";
  case FeedKind::site: return "site";
  case FeedKind::specialty: return "specialty";
  }
  return "?";
}

void calendar_fields(JsonWriter& w, const Calendar& c) {
  w.field("id", c.id.value);
  w.field("level", to_string(c.level));
  w.field("title", c.title);
  w.field("issuer", c.issuer);
  w.key("document").text_or_null(c.document);
  w.key("issued");
  date_or_null(w, c.issued ? std::optional<Date>(c.issued->date) : std::nullopt);
  w.field("exam_year", c.exam_year);
  w.field("track", c.track);
  w.field("revision", c.revision);
  w.key("region").text_or_null(c.region);
  w.key("parent").text_or_null(c.parent.value);
  w.key("url").text_or_null(c.url);
}

} // namespace kaowu::json_feed
