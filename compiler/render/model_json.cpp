#include "render/model_json.hpp"

#include "layout/site_layout.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

void date_or_null(JsonWriter& w, const std::optional<Date>& d) {
  if (d) w.value(d->iso());
  else w.null();
}

void source(JsonWriter& w, const Source& s) {
  w.begin_object();
  w.field("document", s.document);
  w.field("section", s.section);
  if (!s.issuer.empty()) w.field("issuer", s.issuer);
  if (!s.number.empty()) w.field("number", s.number);
  if (s.date) w.field("date", s.date->iso());
  if (!s.title.empty()) w.field("title", s.title);
  w.end_object();
}

void hours(JsonWriter& w, const std::vector<TimeRange>& list) {
  w.begin_array();
  for (const TimeRange& h : list) w.value(time_range_text(h));
  w.end_array();
}

void phase(JsonWriter& w, const ResolvedPhase& rp) {
  const Phase& p = rp.phase;
  w.begin_object();
  w.field("id", p.id.value);
  w.field("name", p.name);
  w.key("kinds").begin_array();
  for (const std::string& k : p.kinds) w.value(k);
  w.end_array();
  if (p.staff_level) w.field("level", to_string(*p.staff_level));
  if (!p.narrows.empty()) w.field("narrows", p.narrows.value);
  w.field("defined_in", rp.defined_in);
  w.field("audience", to_string(p.audience));
  w.key("form");
  if (p.form == Form::unspecified) w.null();
  else w.value(to_string(p.form));
  w.field("timing", to_string(p.timing.kind));
  date_or_null(w.key("first"), rp.first);
  date_or_null(w.key("last"), rp.last);
  if (p.timing.kind == TimingKind::days) {
    w.key("days").begin_array();
    for (const DateAt& d : p.timing.days) w.value(d.date.iso());
    w.end_array();
  }
  w.field("approximate", p.approximate);
  if (!p.unconfirmed.empty()) w.field("unconfirmed", p.unconfirmed.value);
  if (!p.widens.empty()) w.field("widens", p.widens.value);
  if (!p.opts_out.empty()) w.field("opts_out", p.opts_out.value);
  w.field("tba", rp.tba);
  w.field("display", zh_timing(rp));
  if (!rp.tba_note.empty()) w.field("open_note", rp.tba_note);
  if (!p.text.empty()) w.field("text", p.text);
  if (!p.hours.empty()) hours(w.key("hours"), p.hours);
  if (!p.place.empty()) w.field("place", p.place);
  if (p.closed_on_holidays) w.field("closed_on_holidays", true);
  if (!p.note.empty()) w.field("note", p.note);
  if (!rp.batch_id.empty()) w.field("batch", rp.batch_id);
  if (!p.slots.empty()) {
    w.key("slots").begin_array();
    for (const Slot& s : p.slots) {
      w.begin_object();
      w.field("id", s.key);
      w.field("date", s.date.date.iso());
      w.field("who", s.who);
      hours(w.key("hours"), s.hours.empty() ? p.hours : s.hours);
      if (!s.unconfirmed.empty()) w.field("unconfirmed", s.unconfirmed.value);
      w.end_object();
    }
    w.end_array();
  }
  source(w.key("source"), p.source);
  w.end_object();
}

void exam(JsonWriter& w, const ResolvedCalendar& rc) {
  w.begin_object();
  w.key("days").begin_array();
  for (Date d : rc.exam_days) w.value(d.iso());
  w.end_array();
  w.key("batches").begin_array();
  for (const Batch& b : rc.exam->batches) {
    w.begin_object();
    w.field("id", b.id.value);
    w.field("mode", to_string(b.mode));
    w.field("name", b.name);
    w.key("days").begin_array();
    for (const DateAt& d : b.days) w.value(d.date.iso());
    w.end_array();
    w.key("specialties").begin_array();
    for (const Text& s : b.specialties) w.value(s.value);
    w.end_array();
    if (!b.unconfirmed.empty()) w.field("unconfirmed", b.unconfirmed.value);
    w.end_object();
  }
  w.end_array();
  w.key("sessions").begin_array();
  for (const Session& s : rc.exam->sessions) {
    w.begin_object();
    w.field("id", s.key);
    w.field("mode", to_string(s.mode));
    w.field(s.sitting ? "sitting" : "subject", s.subject);
    w.field("time", time_range_text(s.time));
    w.key("day");
    if (s.day) w.value(s.day);
    else w.null();
    w.end_object();
  }
  w.end_array();
  if (!rc.exam->unconfirmed.empty()) w.field("unconfirmed", rc.exam->unconfirmed.value);
  w.end_object();
}

void site(JsonWriter& w, const std::string& id, const std::string& name, const std::string& address) {
  w.begin_object();
  w.field("id", id);
  w.field("name", name);
  w.field("address", address);
  w.end_object();
}

} // namespace

Artifact model_json_artifact(const ResolvedCalendar& rc, JsonStyle style) {
  const Calendar& c = *rc.calendar;
  JsonWriter w(style, 16384);
  w.begin_object();
  w.field("id", c.id.value);
  w.field("level", to_string(c.level));
  w.field("title", c.title);
  w.field("issuer", c.issuer);
  w.field("document", c.document);
  w.key("issued");
  date_or_null(w, c.issued ? std::optional<Date>(c.issued->date) : std::nullopt);
  w.field("exam_year", c.exam_year);
  w.field("track", c.track);
  w.field("revision", c.revision);
  w.key("ancestors").begin_array();
  for (const Calendar* a : rc.ancestors) w.value(a->id.value);
  w.end_array();
  w.key("catalogue");
  if (rc.catalogue) w.value(rc.catalogue->catalogue->id.value);
  else w.null();
  w.key("phases").begin_array();
  for (const ResolvedPhase& p : rc.phases) phase(w, p);
  w.end_array();
  if (rc.exam) exam(w.key("exam"), rc);
  w.key("sites").begin_array();
  if (c.site) site(w, c.id.value, c.site->name, c.site->address);
  for (const SiteInfo& s : c.sites) site(w, s.id.value, s.name, s.address);
  w.end_array();
  w.key("site_calendars").begin_array();
  for (const std::string& s : rc.site_calendars) w.value(s);
  w.end_array();
  w.end_object();
  return Artifact{SiteLayout::model_file(c.id.value), "application/json", w.finish()};
}

} // namespace kaowu
