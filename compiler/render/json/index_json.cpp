#include "render/json/index_json.hpp"

#include "layout/site_layout.hpp"

namespace kaowu::json_feed {
namespace {

ordered_json feed_entry(const Feed& feed, const SiteLayout& links) {
  ordered_json j;
  j["id"] = feed.id;
  j["kind"] = feed_kind_name(feed.kind);
  j["title"] = feed.title;
  j["json"] = links.link(SiteLayout::index_json, SiteLayout::json(feed.path_stem));
  j["ics"] = links.link(SiteLayout::index_json, SiteLayout::ics(feed.path_stem));
  j["page"] = links.link(SiteLayout::index_json, feed_page(feed));
  j["subscribe"] = links.link(SiteLayout::index_json, SiteLayout::subscribe_page(feed.path_stem));
  j["site"] = feed.kind == FeedKind::site && feed.site ? ordered_json(feed.site->id.value) : ordered_json();
  j["specialty"] = feed.specialty ? ordered_json(feed.specialty->code.value) : ordered_json();
  j["events"] = feed.events.size();
  return j;
}

ordered_json site_entry(const SiteInfo& s, const std::string& id, const std::string& page, const SiteLayout& links) {
  ordered_json j;
  j["id"] = id;
  j["name"] = s.name;
  j["address"] = text_or_null(s.address);
  j["contact"] = text_or_null(s.contact);
  j["page"] = links.link(SiteLayout::index_json, page);
  return j;
}

ordered_json calendar_entry(const ResolvedCalendar& rc, const std::vector<Feed>& feeds, const SiteLayout& links) {
  const Calendar& c = *rc.calendar;
  ordered_json j = calendar_json(c);
  ordered_json pages;
  pages["notice"] = links.link(SiteLayout::index_json, SiteLayout::calendar_page(rc.id()));
  pages["timetable"] = links.link(SiteLayout::index_json, SiteLayout::timetable_page(rc.id())); // every calendar prints its work plan
  j["pages"] = pages;
  j["site"] = c.site ? site_entry(*c.site, rc.id(), SiteLayout::calendar_page(rc.id()), links) : ordered_json();
  ordered_json sites = ordered_json::array();
  for (const SiteInfo& s : c.sites) sites.push_back(site_entry(s, s.id.value, SiteLayout::site_page(rc.id(), s.id.value), links));
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

ordered_json index_json(const ResolvedProject& project, const std::vector<Feed>& feeds, const SiteLayout& links) {
  ordered_json j;
  j["$schema"] = links.link(SiteLayout::index_json, SiteLayout::index_schema);
  j["version"] = 1;
  j["language"] = "zh-CN";
  j["timezone"] = "Asia/Shanghai";
  j["base_url"] = links.absolute() ? ordered_json(links.base_url()) : ordered_json();
  j["schemas"] = ordered_json{{"feed", links.link(SiteLayout::index_json, SiteLayout::feed_schema)},
                              {"index", links.link(SiteLayout::index_json, SiteLayout::index_schema)}};
  j["widget"] = links.link(SiteLayout::index_json, SiteLayout::widget);
  ordered_json calendars = ordered_json::array();
  for (const ResolvedCalendar& rc : project.calendars) calendars.push_back(calendar_entry(rc, feeds, links));
  j["calendars"] = calendars;
  return j;
}

} // namespace kaowu::json_feed
