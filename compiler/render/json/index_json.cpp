#include "render/json/index_json.hpp"

#include <unordered_map>

#include "layout/site_layout.hpp"

namespace kaowu::json_feed {
namespace {

std::string from_index(const SiteLayout& links, const std::string& to) { return links.link(SiteLayout::index_json, to); }

void feed_entry(JsonWriter& w, const Feed& feed, const SiteLayout& links) {
  w.begin_object();
  w.field("id", feed.id);
  w.field("kind", feed_kind_name(feed.kind));
  w.field("title", feed.title);
  w.field("json", from_index(links, SiteLayout::json(feed.path_stem)));
  w.field("ics", from_index(links, SiteLayout::ics(feed.path_stem)));
  w.field("page", from_index(links, feed_page(feed)));
  w.field("subscribe", from_index(links, SiteLayout::subscribe_page(feed.path_stem)));
  w.key("site");
  if (feed.kind == FeedKind::site && feed.site) w.value(feed.site->id.value);
  else w.null();
  w.key("specialty");
  if (feed.specialty) w.value(feed.specialty->code.value);
  else w.null();
  w.field("events", feed.events.size());
  w.end_object();
}

void site_entry(JsonWriter& w, const SiteInfo& s, const std::string& id, const std::string& page, const SiteLayout& links) {
  w.begin_object();
  w.field("id", id);
  w.field("name", s.name);
  w.key("address").text_or_null(s.address);
  w.key("contact").text_or_null(s.contact);
  w.field("page", from_index(links, page));
  w.end_object();
}

void calendar_entry(JsonWriter& w, const ResolvedCalendar& rc, const std::vector<const Feed*>& feeds,
                    const SiteLayout& links) {
  const Calendar& c = *rc.calendar;
  w.begin_object();
  calendar_fields(w, c);
  w.key("pages").begin_object();
  w.field("notice", from_index(links, SiteLayout::calendar_page(rc.id())));
  w.field("timetable", from_index(links, SiteLayout::timetable_page(rc.id()))); // every calendar prints its work plan
  w.end_object();
  w.key("site");
  if (c.site) site_entry(w, *c.site, rc.id(), SiteLayout::calendar_page(rc.id()), links);
  else w.null();
  w.key("sites").begin_array();
  for (const SiteInfo& s : c.sites) site_entry(w, s, s.id.value, SiteLayout::site_page(rc.id(), s.id.value), links);
  w.end_array();
  w.key("site_calendars").begin_array();
  for (const std::string& id : rc.site_calendars) w.value(id);
  w.end_array();
  w.key("feeds").begin_array();
  for (const Feed* f : feeds) feed_entry(w, *f, links);
  w.end_array();
  w.end_object();
}

} // namespace

std::string index_json_text(const ResolvedProject& project, const std::vector<Feed>& feeds, const SiteLayout& links,
                            JsonStyle style) {
  // Each calendar's feeds, found once rather than by a scan of every feed per calendar.
  std::unordered_map<const ResolvedCalendar*, std::vector<const Feed*>> by_calendar;
  for (const Feed& f : feeds) by_calendar[f.calendar].push_back(&f);
  JsonWriter w(style, 4096 + 2048 * feeds.size());
  w.begin_object();
  w.field("$schema", from_index(links, SiteLayout::index_schema));
  w.field("version", 1);
  w.field("language", "zh-CN");
  w.field("timezone", "Asia/Shanghai");
  w.key("base_url");
  if (links.absolute()) w.value(links.base_url());
  else w.null();
  w.key("schemas").begin_object();
  w.field("feed", from_index(links, SiteLayout::feed_schema));
  w.field("index", from_index(links, SiteLayout::index_schema));
  w.end_object();
  w.field("widget", from_index(links, SiteLayout::widget));
  w.key("calendars").begin_array();
  static const std::vector<const Feed*> none;
  for (const ResolvedCalendar& rc : project.calendars) {
    auto found = by_calendar.find(&rc);
    calendar_entry(w, rc, found == by_calendar.end() ? none : found->second, links);
  }
  w.end_array();
  w.end_object();
  return w.finish();
}

} // namespace kaowu::json_feed
