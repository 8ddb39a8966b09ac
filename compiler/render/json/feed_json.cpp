#include "render/json/feed_json.hpp"

#include <cstdio>

#include "layout/site_layout.hpp"
#include "text/zh_format.hpp"

namespace kaowu::json_feed {
namespace {

// Events that close on a day a candidate (or office) must act by.
bool has_deadline(EventKind k) { return k == EventKind::window || k == EventKind::deadline; }

ordered_json site_json(const Feed& feed) {
  if (!feed.site) return ordered_json();
  // A site calendar's site has no id of its own: it is the calendar.
  const std::string& id = feed.kind == FeedKind::site ? feed.site->id.value : feed.calendar->id();
  ordered_json j;
  j["id"] = id;
  j["name"] = feed.site->name;
  j["address"] = text_or_null(feed.site->address);
  j["contact"] = text_or_null(feed.site->contact);
  return j;
}

ordered_json specialty_json(const Feed& feed) {
  if (!feed.specialty) return ordered_json();
  ordered_json j;
  j["code"] = feed.specialty->code.value;
  j["name"] = feed.specialty->name;
  j["mode"] = to_string(feed.specialty->mode);
  return j;
}

} // namespace

std::string iso_date_time(Date day, int minute_of_day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:00+08:00", minute_of_day / 60, minute_of_day % 60);
  return day.iso() + buf;
}

std::string parent_id(const Feed& feed, const FeedEvent& event) {
  if (event.phase_id == "exam" || event.key == event.phase_id) return {};
  for (const FeedEvent& e : feed.events)
    if (e.key == event.phase_id) return e.id;
  return {};
}

ordered_json item_json(const Feed& feed, const FeedEvent& e, const SiteLayout& links) {
  const ResolvedCalendar& rc = *feed.calendar;
  const ResolvedPhase* phase = rc.find(e.phase_id);
  std::string from = SiteLayout::json(feed.path_stem);
  // Exam events of a calendar's own feeds link to its timetable; a site's or a specialty's page
  // shows their exam days itself.
  bool own_page = feed.kind == FeedKind::site || feed.kind == FeedKind::specialty;
  std::string page = e.phase_id == "exam" && !own_page ? SiteLayout::timetable_page(rc.id()) : feed_page(feed);
  bool tba = e.kind == EventKind::tba;
  ordered_json j;
  j["id"] = e.id;
  j["phase"] = e.phase_id;
  j["phase_name"] = phase ? phase->phase.name : e.title;
  j["parent"] = text_or_null(parent_id(feed, e));
  j["kind"] = to_string(e.kind);
  j["title"] = e.title;
  j["audience"] = to_string(e.audience);
  j["form"] = e.form == Form::unspecified ? ordered_json() : ordered_json(to_string(e.form));
  j["all_day"] = !e.time.has_value();
  if (e.time && e.start && e.end) {
    j["start"] = iso_date_time(*e.start, e.time->start_minute);
    j["end"] = iso_date_time(*e.end, e.time->end_minute);
  } else {
    j["start"] = date_or_null(e.start);
    // An opening day says nothing of the close: the end stays null rather than guessed.
    j["end"] = e.kind == EventKind::opens ? ordered_json() : date_or_null(e.end);
  }
  j["deadline"] = has_deadline(e.kind) ? date_or_null(e.end) : ordered_json();
  j["display"] = e.display;
  j["place"] = text_or_null(e.place);
  ordered_json hours = ordered_json::array();
  for (const TimeRange& h : e.hours) hours.push_back(time_range_text(h));
  j["hours"] = hours;
  j["approximate"] = e.approximate;
  j["tba"] = tba;
  j["batch"] = text_or_null(e.batch_id);
  j["mode"] = text_or_null(e.mode);
  j["subject"] = text_or_null(e.subject);
  j["day_by_admission_card"] = e.day_by_admission_card;
  j["possible"] = e.possible;
  j["note"] = text_or_null(e.note);
  j["description"] = e.description;
  j["source"] = ordered_json{{"document", text_or_null(e.source.document)},
                             {"section", text_or_null(e.source.section)}};
  j["url"] = links.link(from, page);
  return j;
}

ordered_json feed_json(const Feed& feed, const SiteLayout& links) {
  const ResolvedCalendar& rc = *feed.calendar;
  std::string self = SiteLayout::json(feed.path_stem);
  ordered_json j;
  j["$schema"] = links.link(self, SiteLayout::feed_schema);
  j["version"] = 1;
  j["id"] = feed.id;
  j["kind"] = feed_kind_name(feed.kind);
  j["title"] = feed.title;
  j["language"] = "zh-CN";
  j["timezone"] = rc.calendar->timezone;
  j["calendar"] = calendar_json(*rc.calendar);
  j["site"] = site_json(feed);
  j["specialty"] = specialty_json(feed);
  ordered_json l;
  l["self"] = links.link(self, self);
  l["ics"] = links.link(self, SiteLayout::ics(feed.path_stem));
  l["page"] = links.link(self, feed_page(feed));
  l["timetable"] = links.link(self, SiteLayout::timetable_page(rc.id())); // every calendar prints its work plan
  l["index"] = links.link(self, SiteLayout::index_json);
  l["subscribe"] = links.link(self, SiteLayout::subscribe_page(feed.path_stem));
  j["links"] = l;
  ordered_json items = ordered_json::array();
  for (const FeedEvent& e : feed.events) items.push_back(item_json(feed, e, links));
  j["items"] = items;
  return j;
}

} // namespace kaowu::json_feed
