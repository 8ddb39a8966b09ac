// Reads a [calendar] document: metadata, sites, phases, the exam and fees.
#include <algorithm>
#include <cstdio>

#include "diag/suggest.hpp"
#include "load/calendar_parts.hpp"
#include "load/loader.hpp"
#include "load/reader.hpp"
#include "model/phase_kinds.hpp"

namespace kaowu {
namespace {

const std::vector<std::string> kLevels = {"national", "region", "site"};
const std::vector<std::string> kAudiences = {"candidate", "staff", "military"};
const std::vector<std::string> kForms = {"online", "in-person"};
const std::vector<std::string> kModes = {"cbt", "paper"};
const std::vector<std::string> kTracks = {"初中级", "高级"};

Level level_of(const std::string& s) {
  return s == "site" ? Level::site : s == "region" ? Level::region : Level::national;
}
Audience audience_of(const std::string& s) {
  return s == "staff" ? Audience::staff : s == "military" ? Audience::military : Audience::candidate;
}
ExamMode mode_of(const std::string& s) { return s == "paper" ? ExamMode::paper : ExamMode::cbt; }

Bilingual named(const char* en, const char* zh, const std::string& id) {
  if (id.empty()) return {en, zh};
  return {std::string(en) + " '" + id + "'", std::string(zh) + "“" + id + "”"};
}

std::string id_hint(const toml::table& t) {
  if (auto v = t["id"].value<std::string>()) return *v;
  return {};
}

void read_site_info(TableReader& r, SiteInfo& site, bool needs_id) {
  if (auto v = r.id("id", needs_id ? TableReader::required : TableReader::optional)) site.id = *v;
  if (auto v = r.text("name", TableReader::required)) site.name = v->value;
  if (auto v = r.text("address")) site.address = v->value;
  if (auto v = r.text("contact")) site.contact = v->value;
  if (auto v = r.source("source")) site.source = *v;
  site.loc = r.loc();
  r.finish();
}

// Exactly one of the timing kinds; reports conflicts at the second key, with a note at the first.
void read_timing(TableReader& r, Phase& phase, bool record) {
  Timing& t = phase.timing;
  const std::vector<std::string> keys = {"start", "deadline", "days", "after", "tba"};
  std::vector<std::string> present;
  for (const auto& k : keys)
    if (r.has(k)) present.push_back(k);
  // `end` / `end_tba` belong to the window that `start` opens.
  // A revision record writes only the keys that changed: an end alone is the window's earlier
  // end (its start is the one the phase has now), a start alone its earlier start.
  if (record && present.empty() && r.has("end")) {
    if (auto end = r.date("end")) {
      t.kind = TimingKind::window;
      t.end = *end;
      t.loc = r.loc_of("end");
    }
    return;
  }
  if (present.empty() && (r.has("end") || r.has("end_tba"))) {
    std::string which = r.has("end") ? "end" : "end_tba";
    Diagnostic& d = r.sink().report(DiagKind::incomplete_window, r.loc_of(which),
                                    {phase.id.value, which, "start"});
    (void)d;
  }
  if (present.size() > 1) {
    Diagnostic& d = r.sink().report(DiagKind::timing_conflict, r.loc_of(present[1]),
                                    {phase.id.value, present[0], present[1]});
    add_note(d, r.loc_of(present[0]), "the first timing is here", "第一种时间写在这里");
  }
  if (present.empty() && !r.has("end") && !r.has("end_tba") && !record)
    r.sink().report(DiagKind::missing_timing, r.loc(), {phase.id.value});

  auto start = r.date("start");
  auto end = r.date("end");
  auto end_tba = r.reason("end_tba");
  auto deadline = r.date("deadline");
  auto days = r.dates("days");
  const toml::table* after = r.table("after");
  auto tba = r.reason("tba");
  if (present.empty()) return;
  const std::string& kind = present[0];
  t.loc = r.loc_of(kind);
  if (kind != "start")
    for (const char* stray : {"end", "end_tba"})
      if (r.has(stray)) {
        Diagnostic& d = r.sink().report(DiagKind::timing_conflict, r.loc_of(stray),
                                        {phase.id.value, kind, stray});
        add_note(d, r.loc_of(kind), "the first timing is here", "第一种时间写在这里");
      }
  if (kind == "start") {
    if (start) t.start = *start;
    if (r.has("end") && r.has("end_tba")) {
      Diagnostic& d = r.sink().report(DiagKind::timing_conflict, r.loc_of("end_tba"),
                                      {phase.id.value, "end", "end_tba"});
      add_note(d, r.loc_of("end"), "the first timing is here", "第一种时间写在这里");
    }
    if (end) {
      t.kind = TimingKind::window;
      t.end = *end;
    } else if (end_tba) {
      t.kind = TimingKind::from;
      t.open_note = end_tba->value;
    } else if (record) {
      t.kind = TimingKind::window; // the earlier start of the window the phase has now
    } else if (!r.has("end")) {
      r.sink().report(DiagKind::incomplete_window, r.loc_of("start"), {phase.id.value, "start", "end"});
    }
  } else if (kind == "deadline") {
    t.kind = TimingKind::deadline;
    if (deadline) t.end = *deadline;
  } else if (kind == "days") {
    t.kind = TimingKind::days;
    t.days = days;
    std::sort(t.days.begin(), t.days.end(), [](auto& a, auto& b) { return a.date < b.date; });
    if (t.days.empty() && r.has("days"))
      r.sink().report_localized(DiagKind::missing_key, r.loc_of("days"), {"days", "the list"},
                                {"days", "列表"});
  } else if (kind == "after") {
    t.kind = TimingKind::relative;
    if (after) {
      TableReader a(*after, {"after", "after"}, r.sink());
      if (auto p = a.text("phase", TableReader::required)) t.after.phase = *p;
      if (auto m = a.integer("months", 0, 120)) t.after.months = static_cast<int>(*m);
      if (auto d = a.integer("days", -366, 3660)) t.after.days = static_cast<int>(*d);
      a.finish();
    }
  } else if (kind == "tba") {
    t.kind = TimingKind::tba;
    if (tba) t.open_note = tba->value;
  }
}

// `kind = "payment"` or `kind = ["military-data", "payment"]`; without it, the id says the kind
// when it is a kind's name (registration, receipts …), else the phase is "other".
void read_kinds(TableReader& r, Phase& p) {
  std::vector<std::string> names;
  for (const auto& k : phase_kinds())
    if (k.name != kExamKind) names.emplace_back(k.name);
  for (const Text& k : r.text_or_texts("kind")) {
    if (k.value == kExamKind) {
      Diagnostic& d = r.sink().report_localized(
          DiagKind::invalid_value, k.loc, {"kind", "\"exam\"", "the exam is the [exam] table, not a phase"},
          {"kind", "\"exam\"", "考试由 [exam] 表给出，不是阶段"});
      set_help(d, "describe the exam days in [exam]; see calendars/README.md", "请在 [exam] 中写考试日期，见 calendars/README.md");
      continue;
    }
    if (!is_phase_kind(k.value)) {
      Diagnostic& d = r.sink().report_localized(
          DiagKind::invalid_value, k.loc, {"kind", "\"" + k.value + "\"", "it is not a phase kind (calendars/README.md lists them)"},
          {"kind", "\"" + k.value + "\"", "不是阶段类型（类型列表见 calendars/README.md）"});
      if (auto near = closest_match(k.value, names))
        set_help(d, "did you mean \"" + *near + "\"?", "是否想写 \"" + *near + "\"？");
      else
        set_help(d, "write kind = \"other\" when no kind fits", "都不适用时写 kind = \"other\"");
      continue;
    }
    if (std::find(p.kinds.begin(), p.kinds.end(), k.value) == p.kinds.end()) p.kinds.push_back(k.value);
  }
  if (!p.kinds.empty()) {
    p.kind_written = true;
    p.kind_loc = r.loc_of("kind");
  } else {
    p.kinds.push_back(derived_phase_kind(p.id.value));
  }
}

constexpr const char* kTimingKeys[] = {"start", "end", "end_tba", "deadline", "days", "after", "tba"};

bool has_timing(const TableReader& r) {
  for (const char* k : kTimingKeys)
    if (r.has(k)) return true;
  return false;
}

// Position-derived keys for slots without an id: "d20231211" for the first slot of that day,
// "d20231211-2" for the second. Never the `who` text: rewording a unit keeps its event.
void derive_slot_keys(std::vector<Slot>& slots) {
  for (size_t i = 0; i < slots.size(); ++i) {
    Slot& s = slots[i];
    if (!s.id.empty()) {
      s.key = s.id.value;
      continue;
    }
    int same_day = 1;
    for (size_t j = 0; j < i; ++j) same_day += slots[j].date.date == s.date.date;
    char buf[32];
    std::snprintf(buf, sizeof buf, "d%04d%02u%02u", s.date.date.year(), s.date.date.month(), s.date.date.day());
    s.key = buf + (same_day > 1 ? "-" + std::to_string(same_day) : std::string());
  }
}

} // namespace

bool writes_timing(const std::set<std::string>& keys) {
  for (const char* k : kTimingKeys)
    if (keys.count(k)) return true;
  return false;
}

Phase read_phase(const toml::table& table, DiagnosticSink& sink, bool record) {
  Phase p;
  TableReader r(table, named(record ? "recorded phase" : "phase", record ? "修订记录中的阶段" : "阶段", id_hint(table)), sink);
  const TableReader::Need needed = record ? TableReader::optional : TableReader::required;
  p.loc = r.loc();
  if (auto v = r.id("id", TableReader::required)) p.id = *v;
  read_kinds(r, p);
  if (auto v = r.choice("level", {"site", "region", "national", "nation"}))
    p.staff_level = v->value == "site" ? Level::site : v->value == "region" ? Level::region : Level::national;
  if (auto v = r.id("narrows")) p.narrows = *v;
  if (auto v = r.text("name", needed)) p.name = v->value;
  if (auto v = r.choice("audience", kAudiences, needed)) p.audience = audience_of(v->value);
  if (auto v = r.choice("form", kForms)) p.form = v->value == "online" ? Form::online : Form::in_person;
  if (auto v = r.reason("opts_out")) p.opts_out = *v;
  if (auto v = r.reason("widens")) p.widens = *v;
  if (!p.opts_out.empty() && !p.widens.empty()) {
    Diagnostic& d = sink.report_localized(DiagKind::conflicting_keys, p.opts_out.loc, {"widens", "opts_out", r.what().en},
                                          {"widens", "opts_out", r.what().zh});
    add_note(d, p.widens.loc, "widens is here", "widens 写在这里");
    set_help(d, "widens: the parent allowed a wider window; opts_out: this calendar does not follow the parent's window at all. Keep one",
             "widens：上级同意放宽；opts_out：本级不参加上级的该项安排。只保留一个");
  }
  // A calendar that does not take part in its parent's phase at all writes opts_out and no dates.
  if (!p.opts_out.empty() && !has_timing(r)) {
    p.takes_no_part = true;
    p.timing.kind = TimingKind::tba;
    p.timing.loc = p.opts_out.loc;
  } else {
    read_timing(r, p, record);
  }
  if (auto v = r.boolean("approximate")) p.approximate = *v;
  if (auto v = r.reason("unconfirmed")) p.unconfirmed = *v;
  p.hours = r.time_ranges("hours");
  if (auto v = r.text("place")) p.place = v->value;
  if (auto v = r.boolean("closed_on_holidays")) p.closed_on_holidays = *v;
  if (auto v = r.text("text")) p.text = v->value;
  if (auto v = r.text("note")) p.note = v->value;
  if (auto v = r.url("url")) p.url = v->value;
  if (auto v = r.source("source")) p.source = *v;
  for (const toml::table* st : r.tables("slots")) {
    TableReader s(*st, {"slot", "时段安排"}, sink);
    Slot slot;
    slot.loc = s.loc();
    if (auto v = s.id("id")) slot.id = *v;
    if (auto d = s.date("date", TableReader::required)) slot.date = *d;
    if (auto w = s.text("who", TableReader::required)) slot.who = w->value;
    slot.hours = s.time_ranges("hours");
    if (auto v = s.text("unconfirmed")) slot.unconfirmed = *v;
    s.finish();
    p.slots.push_back(std::move(slot));
  }
  derive_slot_keys(p.slots);
  if (record) r.accept("added");
  r.finish();
  return p;
}

Batch read_batch(const toml::table& table, DiagnosticSink& sink, bool record) {
  TableReader b(table, named("batch", "批次", id_hint(table)), sink);
  const TableReader::Need needed = record ? TableReader::optional : TableReader::required;
  Batch batch;
  batch.loc = b.loc();
  if (auto v = b.id("id", TableReader::required)) batch.id = *v;
  if (auto v = b.choice("mode", kModes, needed)) batch.mode = mode_of(v->value);
  if (auto v = b.text("name")) batch.name = v->value;
  batch.days = b.dates("days", needed);
  std::sort(batch.days.begin(), batch.days.end(), [](auto& x, auto& y) { return x.date < y.date; });
  batch.specialties = b.texts("specialties");
  if (auto v = b.text("unconfirmed")) batch.unconfirmed = *v;
  if (record) b.accept("added");
  b.finish();
  return batch;
}

Session read_session(const toml::table& table, DiagnosticSink& sink, bool record) {
  TableReader s(table, {"session", "场次"}, sink);
  Session session;
  session.loc = s.loc();
  if (auto v = s.choice("mode", kModes, TableReader::required)) session.mode = mode_of(v->value);
  if (auto v = s.id("id")) session.id = *v;
  // A session examines a subject, or is a sitting (场次) that names none.
  auto subject = s.text("subject");
  auto sitting = s.text("sitting");
  if (subject && sitting) {
    Diagnostic& d = sink.report_localized(DiagKind::conflicting_keys, sitting->loc, {"subject", "sitting", "a session"},
                                          {"subject", "sitting", "场次"});
    add_note(d, subject->loc, "the subject is here", "科目写在这里");
    set_help(d, "subject names what is examined; sitting names a 场次 that examines no one subject. Keep one",
             "subject 写考试科目；sitting 写不分科目的场次名称。只保留一个");
  } else if (subject) {
    session.subject = subject->value;
  } else if (sitting) {
    session.subject = sitting->value;
    session.sitting = true;
  } else if (!s.has("subject") && !s.has("sitting")) {
    sink.report_localized(DiagKind::missing_key, s.loc(), {"subject", "a session (or sitting = \"…\" for a 场次 without subject)"},
                          {"subject", "场次（不分科目的场次写 sitting = \"…\"）"});
  }
  if (auto v = s.time_range("time", record ? TableReader::optional : TableReader::required)) session.time = *v;
  if (auto v = s.integer("day", 1, 31)) session.day = static_cast<int>(*v);
  if (record) s.accept("added");
  s.finish();
  return session;
}

void derive_session_keys(std::vector<Session>& sessions) {
  // Keys for the feeds' UIDs: the id, else the subject's key, else the sitting's place among the
  // sittings of its mode and day.
  for (size_t i = 0; i < sessions.size(); ++i) {
    Session& s = sessions[i];
    if (!s.id.empty()) s.key = s.id.value;
    else if (!s.sitting) s.key = subject_key(s.subject);
    else {
      int n = 1;
      for (size_t j = 0; j < i; ++j) {
        const Session& o = sessions[j];
        n += o.sitting && o.id.empty() && o.mode == s.mode && o.day == s.day;
      }
      s.key = "sitting-" + std::to_string(n);
    }
  }
}

namespace {

void read_exam(const toml::table& table, Exam& exam, DiagnosticSink& sink) {
  TableReader r(table, {"[exam]", "[exam]"}, sink);
  exam.present = true;
  exam.loc = r.loc();
  if (auto v = r.text("name")) exam.name = v->value;
  if (auto v = r.reason("unconfirmed")) exam.unconfirmed = *v;
  exam.days = r.dates("days");
  std::sort(exam.days.begin(), exam.days.end(), [](auto& a, auto& b) { return a.date < b.date; });
  if (auto v = r.reason("assignment_tba")) exam.assignment_tba = v->value;
  if (auto v = r.source("source")) exam.source = *v;
  for (const toml::table* bt : r.tables("batches")) exam.batches.push_back(read_batch(*bt, sink, false));
  for (const toml::table* st : r.tables("sessions")) exam.sessions.push_back(read_session(*st, sink, false));
  derive_session_keys(exam.sessions);
  if (const toml::table* tba = r.table("sessions_tba")) {
    TableReader t(*tba, {"[exam.sessions_tba]", "[exam.sessions_tba]"}, sink);
    if (auto v = t.text("cbt")) exam.sessions_tba[ExamMode::cbt] = v->value;
    if (auto v = t.text("paper")) exam.sessions_tba[ExamMode::paper] = v->value;
    t.finish();
  }
  for (const toml::table* tt : r.tables("batch_tasks")) {
    TableReader t(*tt, named("batch task", "批次任务", id_hint(*tt)), sink);
    BatchTask task;
    task.loc = t.loc();
    if (auto v = t.id("id", TableReader::required)) task.id = *v;
    if (auto v = t.text("name", TableReader::required)) task.name = v->value;
    if (auto v = t.choice("mode", kModes, TableReader::required)) task.mode = mode_of(v->value);
    if (auto v = t.integer("hours", 1, 24 * 60, TableReader::required)) task.hours = static_cast<int>(*v);
    if (auto v = t.choice("audience", kAudiences)) task.audience = audience_of(v->value);
    if (auto v = t.source("source")) task.source = *v;
    t.finish();
    exam.batch_tasks.push_back(std::move(task));
  }
  r.finish();
}

// The unit a notice's wording names: 科/科次 per subject, 人 per person, 次/场 per exam.
std::optional<FeeUnit> unit_of_wording(const std::string& per) {
  for (const char* w : {"科", "科次", "每科", "科目", "每科次"})
    if (per == w) return FeeUnit::subject;
  for (const char* w : {"人", "每人"})
    if (per == w) return FeeUnit::person;
  for (const char* w : {"次", "每次", "场", "场次"})
    if (per == w) return FeeUnit::exam;
  return std::nullopt;
}

Fee read_fee(const toml::table& table, DiagnosticSink& sink) {
  TableReader r(table, {"fee", "费用"}, sink);
  Fee fee;
  fee.loc = r.loc();
  if (auto v = r.choice("kind", {"exam", "registration", "other"}))
    fee.kind = v->value == "registration" ? FeeKind::registration : v->value == "other" ? FeeKind::other : FeeKind::exam;
  if (auto v = r.text("name")) fee.name = v->value;
  if (auto v = r.number("amount", 0, 100000, TableReader::required)) fee.amount = *v;
  auto unit = r.choice("unit", {"subject", "person", "exam"});
  if (unit) fee.unit = unit->value == "person" ? FeeUnit::person : unit->value == "exam" ? FeeUnit::exam : FeeUnit::subject;
  // `per` is the notice's word for the unit (科次). Older calendars wrote only `per`: its
  // wording still says the unit when it is one kaowu knows.
  if (auto v = r.text("per")) {
    fee.per = v->value;
    if (!unit && !r.has("unit")) {
      if (auto u = unit_of_wording(v->value)) fee.unit = *u;
      else {
        Diagnostic& d = sink.report_localized(
            DiagKind::invalid_value, v->loc, {"per", "\"" + v->value + "\"", "kaowu cannot tell the unit from it"},
            {"per", "\"" + v->value + "\"", "无法据此判断收费单位"});
        set_help(d, "write unit = \"subject\" (每科), \"person\" (每人) or \"exam\" (每次), and keep per for the notice's wording",
                 "请写 unit = \"subject\"（每科）、\"person\"（每人）或 \"exam\"（每次），per 保留通知的写法");
      }
    }
  } else if (!r.has("unit")) {
    sink.report_localized(DiagKind::missing_key, r.loc(), {"unit", "a fee"}, {"unit", "费用"});
  }
  if (auto v = r.choice("mode", {"any", "cbt", "paper"}))
    fee.mode = v->value == "cbt" ? FeeMode::cbt : v->value == "paper" ? FeeMode::paper : FeeMode::any;
  fee.levels = r.texts("levels");
  if (auto v = r.text("applies_to")) fee.applies_to = v->value;
  fee.specialties = r.texts("specialties");
  if (auto v = r.source("source")) fee.source = *v;
  r.finish();
  return fee;
}

// [[rule_overrides]]: rule = "<rule id>", reason = "…", and the rule's parameters.
RuleOverride read_rule_override(const toml::table& table, DiagnosticSink& sink) {
  TableReader r(table, {"[[rule_overrides]]", "[[rule_overrides]]"}, sink);
  RuleOverride o;
  o.loc = r.loc();
  if (auto v = r.text("rule", TableReader::required)) o.rule = *v;
  if (auto v = r.reason("reason", TableReader::required)) o.reason = *v;
  for (auto&& [key, node] : table) {
    std::string k(key.str());
    if (k == "rule" || k == "reason") continue;
    r.accept(k);
    if (auto p = read_rule_param(k, node, sink)) o.params[k] = std::move(*p);
  }
  if (o.params.empty() && !o.rule.empty())
    sink.report_localized(DiagKind::missing_key, r.loc(), {"a parameter of rule '" + o.rule.value + "'", "[[rule_overrides]]"},
                          {"规则“" + o.rule.value + "”的参数", "[[rule_overrides]]"});
  r.finish();
  return o;
}

// "payment/deadline": ids joined by '/', as feed_events builds event keys.
bool is_valid_event_key(const std::string& key) {
  size_t begin = 0;
  while (true) {
    size_t slash = key.find('/', begin);
    if (!is_valid_id(std::string_view(key).substr(begin, slash == std::string::npos ? slash : slash - begin)))
      return false;
    if (slash == std::string::npos) return true;
    begin = slash + 1;
  }
}

Withdrawal read_withdrawal(const toml::table& table, DiagnosticSink& sink) {
  TableReader r(table, {"withdrawn event", "撤销的日程"}, sink);
  Withdrawal w;
  w.loc = r.loc();
  if (auto v = r.text("event", TableReader::required)) {
    w.event = *v;
    if (!is_valid_event_key(v->value)) sink.report(DiagKind::invalid_id, v->loc, {v->value});
  }
  if (auto v = r.date("date", TableReader::required)) w.date = *v;
  if (auto v = r.text("name", TableReader::required)) w.name = v->value;
  if (auto v = r.choice("audience", kAudiences)) w.audience = audience_of(v->value);
  if (auto v = r.text("note")) w.note = v->value;
  r.finish();
  return w;
}

} // namespace

void load_calendar(const toml::table& root, const std::string& path, Project& project,
                   DiagnosticSink& sink) {
  TableReader top(root, {"the file", "文件"}, sink);
  Calendar cal;
  cal.file = path;
  if (const toml::table* meta = top.table("calendar", TableReader::required)) {
    TableReader r(*meta, {"[calendar]", "[calendar]"}, sink);
    cal.loc = r.loc();
    if (auto v = r.id("id", TableReader::required)) cal.id = *v;
    if (auto v = r.choice("level", kLevels, TableReader::required)) cal.level = level_of(v->value);
    if (auto v = r.text("title", TableReader::required)) cal.title = v->value;
    if (auto v = r.text("issuer", TableReader::required)) cal.issuer = v->value;
    if (auto v = r.text("document")) cal.document = v->value;
    cal.issued = r.date("issued");
    if (auto v = r.integer("exam_year", 1990, 2999, TableReader::required)) cal.exam_year = static_cast<int>(*v);
    if (auto v = r.choice("track", kTracks, TableReader::required)) cal.track = v->value;
    if (auto v = r.choice("timezone", {"Asia/Shanghai"})) cal.timezone = v->value;
    if (auto v = r.id("parent")) cal.parent = *v;
    if (auto v = r.id("catalogue")) cal.catalogue = *v;
    if (auto v = r.integer("revision", 1, 1000)) {
      cal.revision = static_cast<int>(*v);
      cal.revision_loc = r.loc_of("revision");
    }
    if (auto v = r.text("region")) cal.region = v->value;
    if (auto v = r.url("url")) cal.url = v->value;
    if (auto v = r.source("source")) cal.source = *v;
    r.finish();
  }
  if (const toml::table* site = top.table("site")) {
    TableReader r(*site, {"[site]", "[site]"}, sink);
    SiteInfo info;
    read_site_info(r, info, false);
    info.id = cal.id;
    cal.site = std::move(info);
  }
  if (cal.level == Level::site && !cal.site && !cal.id.empty())
    sink.report_localized(DiagKind::missing_key, cal.loc, {"[site]", "a site calendar"}, {"[site]", "考点日程"});
  for (const toml::table* t : top.tables("sites")) {
    TableReader r(*t, named("site", "考点", id_hint(*t)), sink);
    SiteInfo info;
    read_site_info(r, info, true);
    cal.sites.push_back(std::move(info));
  }
  for (const toml::table* t : top.tables("phases")) cal.phases.push_back(read_phase(*t, sink, false));
  if (const toml::table* exam = top.table("exam")) read_exam(*exam, cal.exam, sink);
  for (const toml::table* t : top.tables("fees")) cal.fees.push_back(read_fee(*t, sink));
  for (const toml::table* t : top.tables("rule_overrides")) cal.rule_overrides.push_back(read_rule_override(*t, sink));
  for (const toml::table* t : top.tables("withdrawn")) cal.withdrawn.push_back(read_withdrawal(*t, sink));
  cal.revisions = read_revisions(top, sink);
  top.finish();
  // Sources without a document of their own cite the calendar's (or the exam's).
  cite_within(cal.source, Source{});
  for (Phase& p : cal.phases) cite_within(p.source, cal.source);
  cite_within(cal.exam.source, cal.source);
  for (Revision& rev : cal.revisions)
    for (PhaseRecord& rec : rev.phases) cite_within(rec.was.source, cal.source);
  for (BatchTask& t : cal.exam.batch_tasks) cite_within(t.source, cal.exam.source);
  for (Fee& f : cal.fees) cite_within(f.source, cal.source);
  if (cal.site) cite_within(cal.site->source, cal.source);
  for (SiteInfo& s : cal.sites) cite_within(s.source, cal.source);
  project.calendars.push_back(std::move(cal));
}

} // namespace kaowu
