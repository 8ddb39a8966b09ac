#include "render/json/feed_json.hpp"

#include <cstdio>
#include <unordered_map>

#include "layout/site_layout.hpp"
#include "render/json/revision_json.hpp"
#include "text/fee_text.hpp"
#include "text/zh_format.hpp"

namespace kaowu::json_feed {
namespace {

// Events that close on a day a candidate (or office) must act by.
bool has_deadline(EventKind k) { return k == EventKind::window || k == EventKind::deadline; }

void site_value(JsonWriter& w, const Feed& feed) {
  if (!feed.site) {
    w.null();
    return;
  }
  // A site calendar's site has no id of its own: it is the calendar.
  const std::string& id = feed.kind == FeedKind::site ? feed.site->id.value : feed.calendar->id();
  w.begin_object();
  w.field("id", id);
  w.field("name", feed.site->name);
  w.key("address").text_or_null(feed.site->address);
  w.key("contact").text_or_null(feed.site->contact);
  w.end_object();
}

void specialty_value(JsonWriter& w, const Feed& feed) {
  if (!feed.specialty) {
    w.null();
    return;
  }
  w.begin_object();
  w.field("code", feed.specialty->code.value);
  w.field("name", feed.specialty->name);
  w.field("mode", to_string(feed.specialty->mode));
  w.end_object();
}

void source_value(JsonWriter& w, const Source& s) {
  w.begin_object();
  w.key("document").text_or_null(s.document);
  w.key("section").text_or_null(s.section);
  // The parts that identify the document, where the calendar gives them (version 1, additive).
  if (!s.issuer.empty()) w.field("issuer", s.issuer);
  if (!s.number.empty()) w.field("number", s.number);
  if (s.date) w.field("date", s.date->iso());
  if (!s.title.empty()) w.field("title", s.title);
  w.end_object();
}

// The fees the calendar charges, as data and as the notices write them.
void fees_value(JsonWriter& w, const ResolvedCalendar& rc) {
  w.begin_array();
  for (const Fee& f : fees_of(rc)) {
    w.begin_object();
    w.field("kind", to_string(f.kind));
    w.field("name", fee_name(f));
    // 50, not 50.0: a whole number of yuan reads as one.
    w.key("amount");
    if (f.amount == static_cast<double>(static_cast<long long>(f.amount))) w.value(static_cast<long long>(f.amount));
    else w.value(f.amount);
    w.field("unit", to_string(f.unit));
    w.field("mode", to_string(f.mode));
    w.key("levels").begin_array();
    for (const Text& l : f.levels) w.value(l.value);
    w.end_array();
    w.key("specialties").begin_array();
    for (const Text& c : f.specialties) w.value(c.value);
    w.end_array();
    w.field("applies_to", fee_scope_text(f, rc.catalogue));
    w.field("display", fee_text(f));
    source_value(w.key("source"), f.source);
    w.end_object();
  }
  w.end_array();
}

// What every item of one feed shares: its links, and the event each event details.
struct FeedContext {
  const Feed& feed;
  const SiteLayout& links;
  std::string self;           // the feed's own path
  std::string page_url;       // the feed's page, as linked from the feed
  std::string timetable_url;  // the calendar's timetable, as linked from the feed
  std::unordered_map<std::string, const FeedEvent*> by_key;
  std::unordered_map<std::string, const FeedEvent*> cancelled_by_key; // what a revision dropped
};

void item(JsonWriter& w, const FeedContext& fc, const FeedEvent& e) {
  const Feed& feed = fc.feed;
  const ResolvedPhase* phase = feed.calendar->find(e.phase_id);
  bool tba = e.kind == EventKind::tba;
  w.begin_object();
  w.field("id", e.id);
  w.field("phase", e.phase_id);
  w.field("phase_name", phase ? phase->phase.name : e.title);
  // The event this one details: the phase's own event, unless it is that event or an exam event.
  const FeedEvent* parent = nullptr;
  if (e.phase_id != "exam" && e.key != e.phase_id) {
    auto found = fc.by_key.find(e.phase_id);
    if (found != fc.by_key.end()) parent = found->second;
    // A cancelled window's deadline details the cancelled window.
    if (!parent && e.cancelled) {
      auto dropped = fc.cancelled_by_key.find(e.phase_id);
      if (dropped != fc.cancelled_by_key.end()) parent = dropped->second;
    }
  }
  w.key("parent").text_or_null(parent ? std::string_view(parent->id) : std::string_view());
  w.field("kind", to_string(e.kind));
  w.field("title", e.title);
  w.field("audience", to_string(e.audience));
  w.key("form");
  if (e.form == Form::unspecified) w.null();
  else w.value(to_string(e.form));
  w.field("all_day", !e.time.has_value());
  if (e.time && e.start && e.end) {
    w.field("start", iso_date_time(*e.start, e.time->start_minute));
    w.field("end", iso_date_time(*e.end, e.time->end_minute));
  } else {
    date_or_null(w.key("start"), e.start);
    // An opening day says nothing of the close: the end stays null rather than guessed.
    w.key("end");
    if (e.kind == EventKind::opens) w.null();
    else date_or_null(w, e.end);
  }
  w.key("deadline");
  if (has_deadline(e.kind)) date_or_null(w, e.end);
  else w.null();
  w.field("display", e.display);
  w.key("place").text_or_null(e.place);
  w.key("hours").begin_array();
  for (const TimeRange& h : e.hours) w.value(time_range_text(h));
  w.end_array();
  w.field("approximate", e.approximate);
  w.key("unconfirmed").text_or_null(e.unconfirmed);
  w.field("tba", tba);
  w.key("batch").text_or_null(e.batch_id);
  w.key("mode").text_or_null(e.mode);
  w.key("subject").text_or_null(e.subject);
  w.field("day_by_admission_card", e.day_by_admission_card);
  w.field("possible", e.possible);
  w.key("note").text_or_null(e.note);
  w.field("description", e.description);
  source_value(w.key("source"), e.source);
  // Exam events of a calendar's own feeds link to its timetable; a site's or a specialty's page
  // shows their exam days itself.
  bool own_page = feed.kind == FeedKind::site || feed.kind == FeedKind::specialty;
  w.field("url", e.phase_id == "exam" && !own_page ? fc.timetable_url : fc.page_url);
  // Revisions (version 1, additive): whether it is in force, and what it was before it moved.
  w.field("status", e.cancelled ? "cancelled" : "scheduled");
  was_value(w.key("was"), e);
  w.end_object();
}

} // namespace

std::string iso_date_time(Date day, int minute_of_day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:00+08:00", minute_of_day / 60, minute_of_day % 60);
  return day.iso() + buf;
}

std::string feed_json_text(const Feed& feed, const SiteLayout& links, JsonStyle style) {
  const ResolvedCalendar& rc = *feed.calendar;
  FeedContext fc{feed, links, SiteLayout::json(feed.path_stem), {}, {}, {}, {}};
  fc.page_url = links.link(fc.self, feed_page(feed));
  fc.timetable_url = links.link(fc.self, SiteLayout::timetable_page(rc.id()));
  // The first event under a key is the one parent_id() finds.
  for (const FeedEvent& e : feed.events) fc.by_key.emplace(e.key, &e);
  for (const FeedEvent& e : feed.cancelled) fc.cancelled_by_key.emplace(e.key, &e);

  JsonWriter w(style, 1024 + 1024 * feed.events.size());
  w.begin_object();
  w.field("$schema", links.link(fc.self, SiteLayout::feed_schema));
  w.field("version", 1);
  w.field("id", feed.id);
  w.field("kind", feed_kind_name(feed.kind));
  w.field("title", feed.title);
  w.field("language", "zh-CN");
  w.field("timezone", rc.calendar->timezone);
  w.key("calendar").begin_object();
  calendar_fields(w, *rc.calendar);
  w.end_object();
  site_value(w.key("site"), feed);
  specialty_value(w.key("specialty"), feed);
  fees_value(w.key("fees"), rc);
  w.key("links").begin_object();
  w.field("self", links.link(fc.self, fc.self));
  w.field("ics", links.link(fc.self, SiteLayout::ics(feed.path_stem)));
  w.field("page", fc.page_url);
  w.field("timetable", fc.timetable_url); // every calendar prints its work plan
  w.field("index", links.link(fc.self, SiteLayout::index_json));
  w.field("subscribe", links.link(fc.self, SiteLayout::subscribe_page(feed.path_stem)));
  w.end_object();
  w.key("items").begin_array();
  for (const FeedEvent& e : feed.events) item(w, fc, e);
  w.end_array();
  // Revisions (version 1, additive): the revision the feed is at, every change since the first
  // one, and what an earlier revision dated that this one does not (to cancel, never to show as
  // current: `items` keeps its meaning for clients that predate these keys).
  revision_value(w.key("revision"), feed, links, fc.self);
  changes_value(w.key("changes"), feed);
  w.key("cancelled").begin_array();
  for (const FeedEvent& e : feed.cancelled)
    if (!fc.by_key.count(e.key)) item(w, fc, e); // to be announced now: an item already says so
  w.end_array();
  // The parent's phases the calendar takes no part in, with the reason (version 1, additive:
  // written only when there are some).
  if (!rc.opted_out.empty()) {
    w.key("opts_out").begin_array();
    for (const ResolvedPhase& rp : rc.opted_out) {
      w.begin_object();
      w.field("phase", rp.phase.id.value);
      w.field("name", rp.phase.name);
      w.field("reason", rp.phase.opts_out.value);
      w.field("calendar", rp.defined_in);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  return w.finish();
}

ordered_json feed_json(const Feed& feed, const SiteLayout& links) {
  return ordered_json::parse(feed_json_text(feed, links, JsonStyle::minified));
}

} // namespace kaowu::json_feed
