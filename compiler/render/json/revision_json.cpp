#include "render/json/revision_json.hpp"

#include "render/json/feed_json.hpp"

namespace kaowu::json_feed {
namespace {

ordered_json dates_json(const FeedEvent::Earlier& e) {
  ordered_json j;
  if (e.time && e.start && e.end) {
    j["start"] = iso_date_time(*e.start, e.time->start_minute);
    j["end"] = iso_date_time(*e.end, e.time->end_minute);
  } else {
    j["start"] = date_or_null(e.start);
    j["end"] = date_or_null(e.end);
  }
  j["display"] = e.display;
  return j;
}

int chain_number(const ResolvedCalendar& rc) {
  int n = rc.calendar->revision;
  for (const Calendar* a : rc.ancestors) n += a->revision - 1;
  return n;
}

} // namespace

ordered_json feed_revision_json(const Feed& feed, const SiteLayout& links) {
  const ResolvedCalendar& rc = *feed.calendar;
  const Calendar& c = *rc.calendar;
  std::string self = SiteLayout::json(feed.path_stem);
  ordered_json j;
  const CalendarHistory* h = rc.history.get();
  if (!h || h->revisions.empty()) {
    j["number"] = h ? h->base : chain_number(rc);
    j["date"] = c.issued ? ordered_json(c.issued->date.iso()) : ordered_json();
    j["calendar"] = c.id.value;
    j["document"] = text_or_null(c.document);
    j["title"] = text_or_null(c.source.title);
    j["reason"] = ordered_json();
    j["correction"] = ordered_json();
    return j;
  }
  const ChainRevision& latest = h->revisions.back();
  const Revision& r = *latest.record;
  j["number"] = h->number(h->states() - 1);
  j["date"] = r.issued ? ordered_json(r.issued->date.iso()) : ordered_json();
  j["calendar"] = latest.calendar->id.value;
  j["document"] = text_or_null(r.document);
  j["title"] = r.title.value;
  j["reason"] = text_or_null(r.reason);
  j["correction"] = links.link(self, SiteLayout::correction_page(latest.calendar->id.value, r.number));
  return j;
}

ordered_json changes_json(const Feed& feed) {
  ordered_json out = ordered_json::array();
  for (const EventChange& c : feed.changes) {
    ordered_json j;
    j["item"] = c.id;
    j["title"] = c.title;
    j["change"] = to_string(c.kind);
    j["revision"] = c.revision;
    j["date"] = date_or_null(c.revised);
    j["was"] = c.was ? dates_json(*c.was) : ordered_json();
    j["now"] = c.now ? dates_json(*c.now) : ordered_json();
    out.push_back(j);
  }
  return out;
}

ordered_json was_json(const FeedEvent& e) {
  if (!e.was) return ordered_json();
  ordered_json j = dates_json(*e.was);
  j["revision"] = e.was->revision;
  j["date"] = date_or_null(e.was->revised);
  return j;
}

} // namespace kaowu::json_feed
