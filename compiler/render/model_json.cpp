#include "render/model_json.hpp"

#include <nlohmann/json.hpp>

#include "layout/site_layout.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {
using json = nlohmann::ordered_json;

json date_or_null(const std::optional<Date>& d) { return d ? json(d->iso()) : json(); }

json source_json(const Source& s) {
  json j{{"document", s.document}, {"section", s.section}};
  if (!s.issuer.empty()) j["issuer"] = s.issuer;
  if (!s.number.empty()) j["number"] = s.number;
  if (s.date) j["date"] = s.date->iso();
  if (!s.title.empty()) j["title"] = s.title;
  return j;
}


json hours_json(const std::vector<TimeRange>& hours) {
  json out = json::array();
  for (const TimeRange& h : hours) out.push_back(time_range_text(h));
  return out;
}

json phase_json(const ResolvedPhase& rp) {
  const Phase& p = rp.phase;
  json j;
  j["id"] = p.id.value;
  j["name"] = p.name;
  j["kinds"] = p.kinds;
  if (p.staff_level) j["level"] = to_string(*p.staff_level);
  if (!p.narrows.empty()) j["narrows"] = p.narrows.value;
  j["defined_in"] = rp.defined_in;
  j["audience"] = to_string(p.audience);
  j["form"] = p.form == Form::unspecified ? json() : json(to_string(p.form));
  j["timing"] = to_string(p.timing.kind);
  j["first"] = date_or_null(rp.first);
  j["last"] = date_or_null(rp.last);
  if (p.timing.kind == TimingKind::days) {
    json days = json::array();
    for (const DateAt& d : p.timing.days) days.push_back(d.date.iso());
    j["days"] = days;
  }
  j["approximate"] = p.approximate;
  if (!p.unconfirmed.empty()) j["unconfirmed"] = p.unconfirmed.value;
  if (!p.widens.empty()) j["widens"] = p.widens.value;
  if (!p.opts_out.empty()) j["opts_out"] = p.opts_out.value;
  j["tba"] = rp.tba;
  j["display"] = zh_timing(rp);
  if (!rp.tba_note.empty()) j["open_note"] = rp.tba_note;
  if (!p.text.empty()) j["text"] = p.text;
  if (!p.hours.empty()) j["hours"] = hours_json(p.hours);
  if (!p.place.empty()) j["place"] = p.place;
  if (p.closed_on_holidays) j["closed_on_holidays"] = true;
  if (!p.note.empty()) j["note"] = p.note;
  if (!rp.batch_id.empty()) j["batch"] = rp.batch_id;
  if (!p.slots.empty()) {
    json slots = json::array();
    for (const Slot& s : p.slots) {
      json slot{{"id", s.key}, {"date", s.date.date.iso()}, {"who", s.who}, {"hours", hours_json(s.hours.empty() ? p.hours : s.hours)}};
      if (!s.unconfirmed.empty()) slot["unconfirmed"] = s.unconfirmed.value;
      slots.push_back(slot);
    }
    j["slots"] = slots;
  }
  j["source"] = source_json(p.source);
  return j;
}
} // namespace

Artifacts render_model_json(const ResolvedProject& project) {
  Artifacts out;
  for (const ResolvedCalendar& rc : project.calendars) {
    const Calendar& c = *rc.calendar;
    json j;
    j["id"] = c.id.value;
    j["level"] = to_string(c.level);
    j["title"] = c.title;
    j["issuer"] = c.issuer;
    j["document"] = c.document;
    j["issued"] = c.issued ? json(c.issued->date.iso()) : json();
    j["exam_year"] = c.exam_year;
    j["track"] = c.track;
    j["revision"] = c.revision;
    json chain = json::array();
    for (const Calendar* a : rc.ancestors) chain.push_back(a->id.value);
    j["ancestors"] = chain;
    j["catalogue"] = rc.catalogue ? json(rc.catalogue->catalogue->id.value) : json();
    json phases = json::array();
    for (const ResolvedPhase& p : rc.phases) phases.push_back(phase_json(p));
    j["phases"] = phases;
    if (rc.exam) {
      json exam;
      json days = json::array();
      for (Date d : rc.exam_days) days.push_back(d.iso());
      exam["days"] = days;
      json batches = json::array();
      for (const Batch& b : rc.exam->batches) {
        json bd = json::array();
        for (const DateAt& d : b.days) bd.push_back(d.date.iso());
        json specs = json::array();
        for (const Text& s : b.specialties) specs.push_back(s.value);
        json batch{{"id", b.id.value}, {"mode", to_string(b.mode)}, {"name", b.name}, {"days", bd}, {"specialties", specs}};
        if (!b.unconfirmed.empty()) batch["unconfirmed"] = b.unconfirmed.value;
        batches.push_back(batch);
      }
      exam["batches"] = batches;
      json sessions = json::array();
      for (const Session& s : rc.exam->sessions)
        sessions.push_back(json{{"id", s.key}, {"mode", to_string(s.mode)},
                                {s.sitting ? "sitting" : "subject", s.subject},
                                {"time", time_range_text(s.time)},
                                {"day", s.day ? json(s.day) : json()}});
      exam["sessions"] = sessions;
      if (!rc.exam->unconfirmed.empty()) exam["unconfirmed"] = rc.exam->unconfirmed.value;
      j["exam"] = exam;
    }
    json sites = json::array();
    if (c.site) sites.push_back(json{{"id", c.id.value}, {"name", c.site->name}, {"address", c.site->address}});
    for (const SiteInfo& s : c.sites) sites.push_back(json{{"id", s.id.value}, {"name", s.name}, {"address", s.address}});
    j["sites"] = sites;
    json site_cals = json::array();
    for (const auto& s : rc.site_calendars) site_cals.push_back(s);
    j["site_calendars"] = site_cals;
    out.push_back(Artifact{SiteLayout::model_file(c.id.value), "application/json",
                           j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"});
  }
  return out;
}

} // namespace kaowu
