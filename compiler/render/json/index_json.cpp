#include "render/json/index_json.hpp"

#include "render/json/site_paths.hpp"

namespace kaowu::json_feed {
namespace {

ordered_json feed_entry(const Feed& feed, const Links& links) {
  ordered_json j;
  j["id"] = feed.id;
  j["kind"] = feed_kind_name(feed.kind);
  j["title"] = feed.title;
  j["json"] = links.to(index_path, feed_json_path(feed));
  j["ics"] = links.to(index_path, feed_ics_path(feed));
  j["page"] = links.to(index_path, feed_page(feed));
  j["site"] = feed.kind == FeedKind::site && feed.site ? ordered_json(feed.site->id.value) : ordered_json();
  j["specialty"] = feed.specialty ? ordered_json(feed.specialty->code.value) : ordered_json();
  j["events"] = feed.events.size();
  return j;
}

ordered_json site_entry(const SiteInfo& s, const std::string& id, const std::string& page, const Links& links) {
  ordered_json j;
  j["id"] = id;
  j["name"] = s.name;
  j["address"] = text_or_null(s.address);
  j["contact"] = text_or_null(s.contact);
  j["page"] = links.to(index_path, page);
  return j;
}

ordered_json calendar_entry(const ResolvedCalendar& rc, const std::vector<Feed>& feeds, const Links& links) {
  const Calendar& c = *rc.calendar;
  ordered_json j = calendar_json(c);
  ordered_json pages;
  pages["notice"] = links.to(index_path, calendar_page(rc.id()));
  pages["timetable"] = links.to(index_path, timetable_page(rc.id())); // every calendar prints its work plan
  j["pages"] = pages;
  j["site"] = c.site ? site_entry(*c.site, rc.id(), calendar_page(rc.id()), links) : ordered_json();
  ordered_json sites = ordered_json::array();
  for (const SiteInfo& s : c.sites) sites.push_back(site_entry(s, s.id.value, site_page(rc.id(), s.id.value), links));
  j["sites"] = sites;
  ordered_json site_calendars = ordered_json::array();
  for (const std::string& id : rc.site_calendars) site_calendars.push_back(id);
  j["site_calendars"] = site_calendars;
  ordered_json list = ordered_json::array();
  for (const Feed& f : feeds)
    if (f.calendar == &rc) list.push_back(feed_entry(f, links));
  j["feeds"] = list;
  return j;
}

} // namespace

ordered_json index_json(const ResolvedProject& project, const std::vector<Feed>& feeds, const Links& links) {
  ordered_json j;
  j["$schema"] = links.to(index_path, index_schema_path);
  j["version"] = 1;
  j["language"] = "zh-CN";
  j["timezone"] = "Asia/Shanghai";
  j["base_url"] = links.absolute() ? ordered_json(links.base_url()) : ordered_json();
  j["schemas"] = ordered_json{{"feed", links.to(index_path, feed_schema_path)},
                              {"index", links.to(index_path, index_schema_path)}};
  j["widget"] = links.to(index_path, widget_path);
  ordered_json calendars = ordered_json::array();
  for (const ResolvedCalendar& rc : project.calendars) calendars.push_back(calendar_entry(rc, feeds, links));
  j["calendars"] = calendars;
  return j;
}

} // namespace kaowu::json_feed
