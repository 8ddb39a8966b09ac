#include "render/ical/vevent.hpp"

#include "render/ical/stamp.hpp"
#include "render/ical/vtimezone.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

icaltimetype utc(int64_t seconds) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(seconds), 0, icaltimezone_get_utc_timezone());
}

icaltimetype date_value(Date d) {
  icaltimetype t = icaltime_null_date();
  t.year = d.year();
  t.month = static_cast<int>(d.month());
  t.day = static_cast<int>(d.day());
  return t;
}

// A local time in Asia/Shanghai; the TZID parameter is added to the property by the caller.
icaltimetype local_time(Date d, int minutes) {
  icaltimetype t = icaltime_null_time();
  t.year = d.year();
  t.month = static_cast<int>(d.month());
  t.day = static_cast<int>(d.day());
  t.hour = minutes / 60;
  t.minute = minutes % 60;
  return t;
}

icalproperty* in_shanghai(icalproperty* p) {
  icalproperty_add_parameter(p, icalparameter_new_tzid(kShanghaiTzid));
  return p;
}

// Categories by audience, then by what kind of date it is, so clients can filter or colour them.
void add_categories(icalcomponent* ev, const FeedEvent& e) {
  const char* audience = e.audience == Audience::candidate ? "考生"
                         : e.audience == Audience::staff   ? "考务"
                                                           : "军队";
  icalcomponent_add_property(ev, icalproperty_new_categories(audience));
  const char* kind = nullptr;
  switch (e.kind) {
  case EventKind::deadline: kind = "截止"; break;
  case EventKind::session:
  case EventKind::exam_day: kind = "考试"; break;
  case EventKind::estimate: kind = "预计"; break;
  default: break;
  }
  if (kind) icalcomponent_add_property(ev, icalproperty_new_categories(kind));
}

icalcomponent* display_alarm(const std::string& text, int seconds_from_start) {
  icalcomponent* alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
  icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
  icaltriggertype trigger;
  trigger.time = icaltime_null_time();
  trigger.duration = icaldurationtype_from_int(seconds_from_start);
  icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
  icalcomponent_add_property(alarm, icalproperty_new_description(text.c_str()));
  return alarm;
}

icalcomponent* new_vevent(const std::string& uid, const EventContext& c) {
  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(c.dtstamp)));
  icalcomponent_add_property(ev, icalproperty_new_sequence(c.sequence));
  return ev;
}

// When the event took its present form: its revision's date, else the first publication.
void add_last_modified(icalcomponent* ev, const FeedEvent& e, const EventContext& c) {
  if (!c.first_published) return;
  int64_t when = e.last_modified ? day_stamp(*e.last_modified) : *c.first_published;
  icalcomponent_add_property(ev, icalproperty_new_lastmodified(utc(when)));
}

void add_all_day(icalcomponent* ev, Date first, Date last) {
  icalcomponent_add_property(ev, icalproperty_new_dtstart(date_value(first)));
  // DTEND of a DATE event is exclusive: the day after the last day.
  icalcomponent_add_property(ev, icalproperty_new_dtend(date_value(last.plus_days(1))));
}

void add_dates(icalcomponent* ev, const FeedEvent& e) {
  if (e.kind == EventKind::session && e.time) {
    icalcomponent_add_property(ev, in_shanghai(icalproperty_new_dtstart(local_time(*e.start, e.time->start_minute))));
    icalcomponent_add_property(ev, in_shanghai(icalproperty_new_dtend(local_time(*e.start, e.time->end_minute))));
  } else {
    add_all_day(ev, *e.start, e.end.value_or(*e.start));
  }
}

std::string phase_url(const EventContext& c, const std::string& phase_id) {
  if (!c.calendar) return {};
  const ResolvedPhase* rp = c.calendar->find(phase_id);
  return rp ? rp->phase.url : std::string();
}

} // namespace

std::string event_uid(const std::string& feed_id, const std::string& key) {
  return feed_id + "/" + key + "@kaowu";
}

icalcomponent* event_to_vevent(const FeedEvent& e, const EventContext& c) {
  if (e.kind == EventKind::tba || !e.start) return nullptr;
  icalcomponent* ev = new_vevent(e.id + "@kaowu", c);
  add_last_modified(ev, e, c);
  add_dates(ev, e);
  icalcomponent_add_property(ev, icalproperty_new_summary(e.title.c_str()));

  std::string description = e.description;
  if (std::string url = phase_url(c, e.phase_id); !url.empty()) description += "\n办理网址：" + url;
  if (!c.page_url.empty()) description += "\n通知页面：" + c.page_url;
  icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
  if (!e.place.empty()) icalcomponent_add_property(ev, icalproperty_new_location(e.place.c_str()));
  if (!c.page_url.empty()) icalcomponent_add_property(ev, icalproperty_new_url(c.page_url.c_str()));
  add_categories(ev, e);
  // An estimate (考后两个月) is not a fact, nor is a date marked unconfirmed (待确认): TENTATIVE,
  // as well as 预计 or 待确认 in the title. A possible exam day is a certain date that may not be
  // the subscriber's: CONFIRMED (a calendar app cannot tell a TENTATIVE "maybe your day" from "not
  // yet confirmed"), but 可能 in the title, TRANSPARENT, and 可能的考试日 in the description.
  bool tentative = e.approximate || !e.unconfirmed.empty();
  icalcomponent_add_property(ev, icalproperty_new_status(tentative ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_CONFIRMED));
  // Windows and deadlines do not make a candidate busy; the exam does, once it is theirs.
  bool busy = (e.kind == EventKind::session || e.kind == EventKind::exam_day) && !e.possible;
  icalcomponent_add_property(ev, icalproperty_new_transp(busy ? ICAL_TRANSP_OPAQUE : ICAL_TRANSP_TRANSPARENT));
  // Reminders before a candidate's deadline: 09:00 the day before and 09:00 on the day (an all-day
  // event starts at 00:00). Google ignores alarms in subscriptions, so the title warns as well.
  if (e.kind == EventKind::deadline && e.audience == Audience::candidate) {
    icalcomponent_add_component(ev, display_alarm(e.title, -15 * 3600));
    icalcomponent_add_component(ev, display_alarm(e.title, 9 * 3600));
  }
  return ev;
}

icalcomponent* cancelled_to_vevent(const FeedEvent& e, const FeedEvent* now, const EventContext& context) {
  // What only the previous build remembers is cancelled above the SEQUENCE it was published with.
  EventContext c = context;
  if (e.from_previous_build) ++c.sequence;
  icalcomponent* ev = new_vevent(e.id + "@kaowu", c);
  add_last_modified(ev, e, c);
  add_dates(ev, e);
  std::string title = "（已取消）" + e.title;
  icalcomponent_add_property(ev, icalproperty_new_summary(title.c_str()));
  std::string when = e.last_modified ? zh_date(*e.last_modified) : std::string();
  std::string description = now ? "此日期已于" + when + "撤回（第" + std::to_string(e.cancelled_in) + "版），现为" + now->display + "。"
                                : "此日程已于" + when + "取消（第" + std::to_string(e.cancelled_in) + "版）。";
  if (when.empty()) description = now ? "此日期已撤回，现为" + now->display + "。" : "此日程已取消。";
  description += "\n原定：" + e.display;
  if (!c.page_url.empty()) description += "\n通知页面：" + c.page_url;
  icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
  if (!c.page_url.empty()) icalcomponent_add_property(ev, icalproperty_new_url(c.page_url.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
  icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  return ev;
}

icalcomponent* withdrawal_to_vevent(const Withdrawal& w, const std::string& feed_id, const EventContext& c) {
  icalcomponent* ev = new_vevent(event_uid(feed_id, w.event.value), c);
  add_all_day(ev, w.date.date, w.date.date);
  std::string title = "（已取消）" + w.name;
  icalcomponent_add_property(ev, icalproperty_new_summary(title.c_str()));
  std::string description = "此日程已撤销。";
  if (!w.note.empty()) description += "\n" + w.note;
  if (!c.page_url.empty()) description += "\n通知页面：" + c.page_url;
  icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
  if (!c.page_url.empty()) icalcomponent_add_property(ev, icalproperty_new_url(c.page_url.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
  icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  return ev;
}

} // namespace kaowu
