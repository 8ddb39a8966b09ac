#include "resolve/calendar_diff.hpp"

#include <algorithm>
#include <map>

#include "text/en_format.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

// The dates a phase publishes: nothing when it is not published (tba).
struct Dates {
  bool dated = false;
  std::vector<Date> days; // every day of a `days` phase, else first and last
  bool approximate = false;
  bool operator==(const Dates& o) const { return dated == o.dated && days == o.days && approximate == o.approximate; }
};

Dates dates_of(const ResolvedPhase& rp) {
  Dates d;
  if (rp.tba || (!rp.first && !rp.last)) return d;
  d.dated = true;
  d.approximate = rp.phase.approximate;
  if (rp.phase.timing.kind == TimingKind::days)
    for (const DateAt& day : rp.phase.timing.days) d.days.push_back(day.date);
  else
    d.days = {rp.first.value_or(*rp.last), rp.last.value_or(*rp.first)};
  return d;
}

ChangeKind classify(bool had, bool has, bool was_dated, bool is_dated) {
  if (!had) return ChangeKind::added;
  if (!has) return ChangeKind::cancelled;
  if (was_dated && !is_dated) return ChangeKind::tba;
  if (!was_dated && is_dated) return ChangeKind::scheduled;
  return ChangeKind::moved;
}

void phase_changes(const ResolvedCalendar& before, const ResolvedCalendar& after, std::vector<PhaseChange>& out) {
  auto one = [&](const ResolvedPhase* b, const ResolvedPhase* a) {
    Dates db = b ? dates_of(*b) : Dates{}, da = a ? dates_of(*a) : Dates{};
    if (b && a && db == da) return;
    const ResolvedPhase& shown = a ? *a : *b;
    PhaseChange c;
    c.what = PhaseChange::What::phase;
    c.id = shown.phase.id.value;
    c.name = shown.phase.name;
    c.audience = shown.phase.audience;
    c.defined_in = shown.defined_in;
    c.kind = classify(b != nullptr, a != nullptr, db.dated, da.dated);
    if (b) {
      c.was_zh = zh_timing(*b);
      c.was_en = en_timing(*b);
      if (db.dated) {
        c.was_first = b->first ? b->first : b->last;
        c.was_last = b->last ? b->last : b->first;
      }
    }
    if (a) {
      c.now_zh = zh_timing(*a);
      c.now_en = en_timing(*a);
      if (da.dated) {
        c.now_first = a->first ? a->first : a->last;
        c.now_last = a->last ? a->last : a->first;
      }
    }
    out.push_back(std::move(c));
  };
  for (const ResolvedPhase& a : after.phases) one(before.find(a.phase.id.value), &a);
  for (const ResolvedPhase& b : before.phases)
    if (!after.find(b.phase.id.value)) one(&b, nullptr);
}

std::vector<Date> days_of(const Batch& b) {
  std::vector<Date> out;
  for (const DateAt& d : b.days) out.push_back(d.date);
  return out;
}

const char* mode_zh(ExamMode m) { return m == ExamMode::cbt ? "人机对话" : "纸笔作答"; }

void batch_changes(const Exam* before, const Exam* after, const std::string& defined_in, std::vector<PhaseChange>& out) {
  std::vector<const Batch*> bs, as;
  if (before)
    for (const Batch& b : before->batches) bs.push_back(&b);
  if (after)
    for (const Batch& a : after->batches) as.push_back(&a);
  auto find = [](const std::vector<const Batch*>& list, const std::string& id) -> const Batch* {
    for (const Batch* b : list)
      if (b->id.value == id) return b;
    return nullptr;
  };
  auto one = [&](const Batch* b, const Batch* a) {
    std::vector<Date> db = b ? days_of(*b) : std::vector<Date>{}, da = a ? days_of(*a) : std::vector<Date>{};
    if (b && a && db == da) return;
    const Batch& shown = a ? *a : *b;
    PhaseChange c;
    c.what = PhaseChange::What::batch;
    c.id = shown.id.value;
    c.name = shown.name.empty() ? mode_zh(shown.mode) : shown.name;
    c.defined_in = defined_in;
    c.kind = classify(b != nullptr, a != nullptr, !db.empty(), !da.empty());
    auto zh = [](const std::vector<Date>& d) { return d.empty() ? std::string("待定") : zh_days(d); };
    auto en = [](const std::vector<Date>& d) { return d.empty() ? std::string("to be announced") : en_days(d); };
    if (b) {
      c.was_zh = zh(db);
      c.was_en = en(db);
      if (!db.empty()) c.was_first = db.front(), c.was_last = db.back();
    }
    if (a) {
      c.now_zh = zh(da);
      c.now_en = en(da);
      if (!da.empty()) c.now_first = da.front(), c.now_last = da.back();
    }
    out.push_back(std::move(c));
  };
  for (const Batch* a : as) one(find(bs, a->id.value), a);
  for (const Batch* b : bs)
    if (!find(as, b->id.value)) one(b, nullptr);
}

void session_changes(const Exam* before, const Exam* after, const std::string& defined_in, std::vector<PhaseChange>& out) {
  auto key = [](const Session& s) {
    return std::string(to_string(s.mode)) + "/" + (s.day ? "day" + std::to_string(s.day) + "/" : "") + s.key;
  };
  std::map<std::string, const Session*> bs, as;
  std::vector<std::string> order;
  if (after)
    for (const Session& s : after->sessions)
      if (as.emplace(key(s), &s).second) order.push_back(key(s));
  if (before)
    for (const Session& s : before->sessions)
      if (bs.emplace(key(s), &s).second && !as.count(key(s))) order.push_back(key(s));
  for (const std::string& k : order) {
    const Session* b = bs.count(k) ? bs[k] : nullptr;
    const Session* a = as.count(k) ? as[k] : nullptr;
    if (b && a && b->time.start_minute == a->time.start_minute && b->time.end_minute == a->time.end_minute) continue;
    const Session& shown = a ? *a : *b;
    PhaseChange c;
    c.what = PhaseChange::What::session;
    c.id = k;
    c.name = std::string(mode_zh(shown.mode)) + (shown.day ? "第" + std::to_string(shown.day) + "天" : "") + " " + shown.subject;
    c.defined_in = defined_in;
    c.kind = classify(b != nullptr, a != nullptr, true, true);
    if (b) {
      c.was_zh = zh_time_range(b->time);
      c.was_en = time_range_text(b->time);
    }
    if (a) {
      c.now_zh = zh_time_range(a->time);
      c.now_en = time_range_text(a->time);
    }
    out.push_back(std::move(c));
  }
}

} // namespace

std::vector<PhaseChange> diff_calendars(const ResolvedCalendar& before, const ResolvedCalendar& after) {
  std::vector<PhaseChange> out;
  phase_changes(before, after, out);
  std::string exam_in = after.exam ? after.exam_defined_in : before.exam_defined_in;
  batch_changes(before.exam, after.exam, exam_in, out);
  session_changes(before.exam, after.exam, exam_in, out);
  return out;
}

} // namespace kaowu
