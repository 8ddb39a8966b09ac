#include "render/json/feed_json.hpp"

#include <cstdio>

#include "layout/site_layout.hpp"
#include "text/fee_text.hpp"
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

ordered_json source_json(const Source& s) {
  ordered_json j;
  j["document"] = text_or_null(s.document);
  j["section"] = text_or_null(s.section);
  // The parts that identify the document, where the calendar gives them (version 1, additive).
  if (!s.issuer.empty()) j["issuer"] = s.issuer;
  if (!s.number.empty()) j["number"] = s.number;
  if (s.date) j["date"] = s.date->iso();
  if (!s.title.empty()) j["title"] = s.title;
  return j;
}

// The fees the calendar charges, as data and as the notices write them.
ordered_json fees_json(const ResolvedCalendar& rc) {
  ordered_json out = ordered_json::array();
  for (const Fee& f : fees_of(rc)) {
    ordered_json j;
    j["kind"] = to_string(f.kind);
    j["name"] = fee_name(f);
    // 50, not 50.0: a whole number of yuan reads as one.
    if (f.amount == static_cast<double>(static_cast<long long>(f.amount))) j["amount"] = static_cast<long long>(f.amount);
    else j["amount"] = f.amount;
    j["unit"] = to_string(f.unit);
    j["mode"] = to_string(f.mode);
    ordered_json levels = ordered_json::array(), specialties = ordered_json::array();
    for (const Text& l : f.levels) levels.push_back(l.value);
    for (const Text& c : f.specialties) specialties.push_back(c.value);
    j["levels"] = levels;
    j["specialties"] = specialties;
    j["applies_to"] = fee_scope_text(f, rc.catalogue);
    j["display"] = fee_text(f);
    j["source"] = source_json(f.source);
    out.push_back(j);
  }
  return out;
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
  j["unconfirmed"] = text_or_null(e.unconfirmed);
  j["tba"] = tba;
  j["batch"] = text_or_null(e.batch_id);
  j["mode"] = text_or_null(e.mode);
  j["subject"] = text_or_null(e.subject);
  j["day_by_admission_card"] = e.day_by_admission_card;
  j["possible"] = e.possible;
  j["note"] = text_or_null(e.note);
  j["description"] = e.description;
  j["source"] = source_json(e.source);
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
  j["fees"] = fees_json(rc);
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
