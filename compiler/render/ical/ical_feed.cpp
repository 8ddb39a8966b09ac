#include "render/ical/ical_feed.hpp"

#include <set>

#include <libical/ical.h>

#include "render/ical/event_files.hpp"
#include "render/ical/htaccess.hpp"
#include "render/ical/stamp.hpp"
#include "render/ical/vevent.hpp"
#include "render/ical/vtimezone.hpp"

namespace kaowu {
namespace {

// How often subscribers should fetch the feed again: twice a day, so a corrected date reaches
// phones within hours, without hammering a provincial web server.
constexpr int kRefreshHours = 12;

bool carries(const Feed& feed, const std::string& key) {
  for (const FeedEvent& e : feed.events)
    if (e.key == key && e.kind != EventKind::tba) return true;
  return false;
}

icalproperty* x_property(const char* name, const std::string& value) {
  icalproperty* p = icalproperty_new_x(value.c_str());
  icalproperty_set_x_name(p, name);
  return p;
}

icalcomponent* new_vcalendar(const Feed& feed) {
  icalcomponent* cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  // No version number: a release must not change every published byte (and golden file).
  icalcomponent_add_property(cal, icalproperty_new_prodid("-//kaowu//kaowu//ZH"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal, icalproperty_new_name(feed.title.c_str()));
  icalcomponent_add_property(cal, x_property("X-WR-CALNAME", feed.title));
  const Calendar& c = *feed.calendar->calendar;
  std::string about = c.issuer + (c.document.empty() ? "" : "《" + c.document + "》") + "，由 kaowu 生成";
  // What the calendar takes no part in is no event, but its subscribers are told (opts_out).
  for (const ResolvedPhase& rp : feed.calendar->opted_out)
    about += "。" + rp.phase.name + "：本地不实行（" + rp.phase.opts_out.value + "）";
  icalcomponent_add_property(cal, x_property("X-WR-CALDESC", about));
  icalcomponent_add_property(cal, x_property("X-WR-TIMEZONE", kShanghaiTzid));
  icaldurationtype refresh = icaldurationtype_null_duration();
  refresh.hours = kRefreshHours;
  icalproperty* interval = icalproperty_new_refreshinterval(refresh);
  // RFC 7986 requires VALUE=DURATION on REFRESH-INTERVAL.
  icalproperty_add_parameter(interval, icalparameter_new_value(ICAL_VALUE_DURATION));
  icalcomponent_add_property(cal, interval);
  icalcomponent_add_property(cal, x_property("X-PUBLISHED-TTL", "PT" + std::to_string(kRefreshHours) + "H"));
  return cal;
}

bool has_timed_event(const Feed& feed) {
  for (const std::vector<FeedEvent>* events : {&feed.events, &feed.cancelled})
    for (const FeedEvent& e : *events)
      if (e.kind == EventKind::session && e.time && e.start) return true;
  return false;
}

// The event now published under `key`, if any (a cancelled date whose event is to be announced).
const FeedEvent* current_event(const Feed& feed, const std::string& key) {
  for (const FeedEvent& e : feed.events)
    if (e.key == key) return &e;
  return nullptr;
}

} // namespace

std::vector<const Withdrawal*> withdrawals_for(const Feed& feed) {
  std::vector<const Withdrawal*> out;
  std::set<std::string> seen;
  auto add_from = [&](const Calendar& c) {
    for (const Withdrawal& w : c.withdrawn)
      if (serves(feed, w.audience) && !carries(feed, w.event.value) && seen.insert(w.event.value).second)
        out.push_back(&w);
  };
  add_from(*feed.calendar->calendar);
  for (const Calendar* a : feed.calendar->ancestors) add_from(*a);
  return out;
}

EventContext feed_event_context(const Feed& feed, const IcalOptions& options) {
  EventContext context;
  context.calendar = feed.calendar;
  context.sequence = feed_sequence(*feed.calendar);
  context.dtstamp = feed_dtstamp(*feed.calendar, options.source_date_epoch);
  if (feed.calendar->history) context.first_published = first_publication_stamp(*feed.calendar, options.source_date_epoch);
  context.page_url = options.layout.url(SiteLayout::calendar_dir(feed.calendar->id()));
  return context;
}

// libical 3.0.16 folds a line whose content fills exactly 74 octets between the CR and the LF
// that end it ("…\r" "\r\n " "\n"), which strict readers reject as a bare CR and LF; the text is
// mended by joining them back into the one CRLF they were. A value never holds a raw CR (TEXT
// escapes line breaks as \n), so the sequence occurs nowhere else.
std::string ical_text(icalcomponent* component) {
  char* text = icalcomponent_as_ical_string_r(component);
  std::string raw = text ? text : "";
  icalmemory_free_buffer(text);
  static constexpr std::string_view slip = "\r\r\n \n";
  if (raw.find(slip) == std::string::npos) return raw;
  std::string out;
  out.reserve(raw.size());
  size_t from = 0;
  for (size_t at = raw.find(slip); at != std::string::npos; at = raw.find(slip, from)) {
    out.append(raw, from, at - from);
    out += "\r\n";
    from = at + slip.size();
  }
  out.append(raw, from, std::string::npos);
  return out;
}

std::string open_vcalendar_text(icalcomponent* cal) {
  // libical writes a component as BEGIN, its properties, each subcomponent in order, and END, so
  // a calendar's text is this head, its components' texts one after another, and the END line.
  std::string text = ical_text(cal);
  icalcomponent_free(cal);
  if (text.size() >= kVcalendarEnd.size() && text.compare(text.size() - kVcalendarEnd.size(), kVcalendarEnd.size(), kVcalendarEnd) == 0)
    text.resize(text.size() - kVcalendarEnd.size());
  return text;
}

const std::string& shanghai_vtimezone_text() {
  static const std::string text = [] {
    icalcomponent* tz = shanghai_vtimezone();
    std::string t = ical_text(tz);
    icalcomponent_free(tz);
    return t;
  }();
  return text;
}

FeedIcal feed_ical(const Feed& feed, const IcalOptions& options) {
  FeedIcal out;
  out.feed = open_vcalendar_text(new_vcalendar(feed));
  // VTIMEZONE only when a DTSTART or DTEND refers to it (RFC 5545 3.6.5).
  if (has_timed_event(feed)) out.feed += shanghai_vtimezone_text();

  // Each VEVENT is serialized once, for the feed and for the event's own file (加入日历).
  EventContext context = feed_event_context(feed, options);
  out.vevents.reserve(feed.events.size());
  for (const FeedEvent& e : feed.events) {
    std::string text;
    if (icalcomponent* ev = event_to_vevent(e, context)) {
      text = ical_text(ev);
      icalcomponent_free(ev);
    }
    out.feed += text;
    out.vevents.push_back(std::move(text));
  }
  // What a recorded revision dropped (or left to be announced again): cancelled, old UID.
  for (const FeedEvent& e : feed.cancelled) {
    icalcomponent* ev = cancelled_to_vevent(e, current_event(feed, e.key), context);
    out.feed += ical_text(ev);
    icalcomponent_free(ev);
  }
  for (const Withdrawal* w : withdrawals_for(feed)) {
    icalcomponent* ev = withdrawal_to_vevent(*w, feed.id, context);
    out.feed += ical_text(ev);
    icalcomponent_free(ev);
  }
  out.feed += kVcalendarEnd;
  return out;
}

std::string feed_to_ical(const Feed& feed, const IcalOptions& options) { return feed_ical(feed, options).feed; }

void append_ical_files(const Feed& feed, const IcalOptions& options, Artifacts& out) {
  FeedIcal texts = feed_ical(feed, options);
  out.push_back(Artifact{SiteLayout::ics(feed.path_stem), "text/calendar; charset=utf-8", std::move(texts.feed)});
  append_event_files(feed, texts.vevents, out);
}

void prepare_ical_threads() {
  // libical keeps its temporary buffers and its error number per thread (pthread keys) and
  // builds nothing else shared while a component is made and serialized, except the UTC zone,
  // which it loads once on first use; load it here, on one thread, before feeds render on many.
  icaltimezone_get_utc_timezone();
}

Artifacts render_ical(const BoundSite& site) {
  IcalOptions options{site.layout, site.source_date_epoch};
  Artifacts out;
  for (const Feed& feed : site.feeds) append_ical_files(feed, options, out);
  out.push_back(htaccess());
  return out;
}

} // namespace kaowu
