#include "render/json/revision_json.hpp"

#include "model/history.hpp"
#include "render/json/feed_json.hpp"

namespace kaowu::json_feed {
namespace {

// start, end and display of an event at one revision, into the object the caller has opened.
void dates_fields(JsonWriter& w, const FeedEvent::Earlier& e) {
  if (e.time && e.start && e.end) {
    w.field("start", iso_date_time(*e.start, e.time->start_minute));
    w.field("end", iso_date_time(*e.end, e.time->end_minute));
  } else {
    date_or_null(w.key("start"), e.start);
    date_or_null(w.key("end"), e.end);
  }
  w.field("display", e.display);
}

void dates_or_null(JsonWriter& w, const std::optional<FeedEvent::Earlier>& e) {
  if (!e) {
    w.null();
    return;
  }
  w.begin_object();
  dates_fields(w, *e);
  w.end_object();
}

int chain_number(const ResolvedCalendar& rc) {
  int n = rc.calendar->revision;
  for (const Calendar* a : rc.ancestors) n += a->revision - 1;
  return n;
}

} // namespace

void revision_value(JsonWriter& w, const Feed& feed, const SiteLayout& links, const std::string& self) {
  const ResolvedCalendar& rc = *feed.calendar;
  const Calendar& c = *rc.calendar;
  const CalendarHistory* h = rc.history.get();
  w.begin_object();
  if (!h || h->revisions.empty()) {
    w.field("number", h ? h->base : chain_number(rc));
    w.key("date");
    if (c.issued) w.value(c.issued->date.iso());
    else w.null();
    w.field("calendar", c.id.value);
    w.key("document").text_or_null(c.document);
    w.key("title").text_or_null(c.source.title);
    w.null_field("reason");
    w.null_field("correction");
    w.end_object();
    return;
  }
  const ChainRevision& latest = h->revisions.back();
  const Revision& r = *latest.record;
  w.field("number", h->number(h->states() - 1));
  w.key("date");
  if (r.issued) w.value(r.issued->date.iso());
  else w.null();
  w.field("calendar", latest.calendar->id.value);
  w.key("document").text_or_null(r.document);
  w.field("title", r.title.value);
  w.key("reason").text_or_null(r.reason);
  w.field("correction", links.link(self, SiteLayout::correction_page(latest.calendar->id.value, r.number)));
  w.end_object();
}

void changes_value(JsonWriter& w, const Feed& feed) {
  w.begin_array();
  for (const EventChange& c : feed.changes) {
    w.begin_object();
    w.field("item", c.id);
    w.field("title", c.title);
    w.field("change", to_string(c.kind));
    w.field("revision", c.revision);
    date_or_null(w.key("date"), c.revised);
    dates_or_null(w.key("was"), c.was);
    dates_or_null(w.key("now"), c.now);
    w.end_object();
  }
  w.end_array();
}

void was_value(JsonWriter& w, const FeedEvent& e) {
  if (!e.was) {
    w.null();
    return;
  }
  w.begin_object();
  dates_fields(w, *e.was);
  w.field("revision", e.was->revision);
  date_or_null(w.key("date"), e.was->revised);
  w.end_object();
}

} // namespace kaowu::json_feed
