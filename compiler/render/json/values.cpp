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

ordered_json calendar_json(const Calendar& c) {
  ordered_json j;
  j["id"] = c.id.value;
  j["level"] = to_string(c.level);
  j["title"] = c.title;
  j["issuer"] = c.issuer;
  j["document"] = text_or_null(c.document);
  j["issued"] = c.issued ? ordered_json(c.issued->date.iso()) : ordered_json();
  j["exam_year"] = c.exam_year;
  j["track"] = c.track;
  j["revision"] = c.revision;
  j["region"] = text_or_null(c.region);
  j["parent"] = text_or_null(c.parent.value);
  j["url"] = text_or_null(c.url);
  return j;
}

} // namespace kaowu::json_feed
