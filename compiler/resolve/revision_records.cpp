// The checks of [[revisions]] (KW0116–KW0120). A record is checked against the calendar as of
// its own revision: what a later revision changed again is not what this one replaced.
#include "resolve/revision_records.hpp"

#include <algorithm>
#include <map>

#include "diag/suggest.hpp"
#include "resolve/revision_views.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

bool same(const DateAt& a, const DateAt& b) { return a.date == b.date; }

template <class T, class Eq>
bool same_list(const std::vector<T>& a, const std::vector<T>& b, Eq eq) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), eq);
}

bool same_hours(const std::vector<TimeRange>& a, const std::vector<TimeRange>& b) {
  return same_list(a, b, [](const TimeRange& x, const TimeRange& y) {
    return x.start_minute == y.start_minute && x.end_minute == y.end_minute;
  });
}

bool same_timing(const Timing& a, const Timing& b) {
  if (a.kind != b.kind || a.open_note != b.open_note) return false;
  switch (a.kind) {
  case TimingKind::window: return same(a.start, b.start) && same(a.end, b.end);
  case TimingKind::from: return same(a.start, b.start);
  case TimingKind::deadline: return same(a.end, b.end);
  case TimingKind::days: return same_list(a.days, b.days, same);
  case TimingKind::relative:
    return a.after.phase.value == b.after.phase.value && a.after.months == b.after.months && a.after.days == b.after.days;
  case TimingKind::tba: return true;
  }
  return true;
}

bool same_slots(const std::vector<Slot>& a, const std::vector<Slot>& b) {
  return same_list(a, b, [](const Slot& x, const Slot& y) {
    return x.key == y.key && x.date.date == y.date.date && x.who == y.who && same_hours(x.hours, y.hours);
  });
}

// What a phase publishes, as far as a record can change it.
bool same_phase(const Phase& a, const Phase& b) {
  return same_timing(a.timing, b.timing) && a.takes_no_part == b.takes_no_part && a.name == b.name &&
         a.audience == b.audience && a.form == b.form && same_hours(a.hours, b.hours) && a.place == b.place &&
         a.closed_on_holidays == b.closed_on_holidays && a.text == b.text && a.note == b.note &&
         a.unconfirmed.value == b.unconfirmed.value && a.approximate == b.approximate && a.url == b.url &&
         a.kinds == b.kinds && same_slots(a.slots, b.slots);
}

bool same_batch(const Batch& a, const Batch& b) {
  return a.mode == b.mode && a.name == b.name && same_list(a.days, b.days, same) &&
         same_list(a.specialties, b.specialties, [](const Text& x, const Text& y) { return x.value == y.value; }) &&
         a.unconfirmed.value == b.unconfirmed.value;
}

bool same_exam(const Exam& a, const Exam& b) {
  return a.present == b.present && a.name == b.name && a.unconfirmed.value == b.unconfirmed.value &&
         same_list(a.days, b.days, same) && a.assignment_tba == b.assignment_tba &&
         same_list(a.batches, b.batches, same_batch) &&
         same_list(a.sessions, b.sessions, [](const Session& x, const Session& y) {
           return x.mode == y.mode && x.day == y.day && x.key == y.key && x.time.start_minute == y.time.start_minute &&
                  x.time.end_minute == y.time.end_minute;
         });
}

std::string n(int number) { return std::to_string(number); }

class RecordChecker {
public:
  RecordChecker(const ResolvedCalendar& rc, DiagnosticSink& sink) : rc_(rc), c_(*rc.calendar), sink_(sink) {}

  bool run() {
    if (c_.revisions.empty()) {
      if (c_.revision > 1) sink_.report(DiagKind::revision_not_recorded, revision_loc(), {n(c_.revision)});
      return true;
    }
    check_sequence();
    check_dates();
    for (const Revision& rev : c_.revisions) check_records(rev);
    return ok_;
  }

private:
  Location revision_loc() const { return c_.revision_loc.known() ? c_.revision_loc : c_.loc; }

  void error(DiagKind kind, const Location& loc, std::vector<std::string> en, std::vector<std::string> zh) {
    sink_.report_localized(kind, loc, std::move(en), std::move(zh));
    ok_ = false;
  }

  void check_sequence() {
    std::map<int, const Revision*> by_number;
    for (const Revision& rev : c_.revisions) {
      if (rev.number == 0) continue; // not read: reported by the loader
      if (auto [it, fresh] = by_number.emplace(rev.number, &rev); !fresh) {
        error(DiagKind::revision_sequence, rev.number_loc, {"revision " + n(rev.number) + " is recorded twice"},
              {"第" + n(rev.number) + "版被记录了两次"});
        add_note(sink_.at(sink_.diagnostics().size() - 1), it->second->number_loc, "first recorded here", "第一次记录在这里");
      } else if (rev.number > c_.revision) {
        error(DiagKind::revision_sequence, rev.number_loc,
              {"[[revisions]] records revision " + n(rev.number) + ", but [calendar] says revision = " + n(c_.revision)},
              {"[[revisions]] 记录了第" + n(rev.number) + "版，但 [calendar] 中 revision = " + n(c_.revision)});
      }
    }
    for (int k = 2; k <= c_.revision; ++k)
      if (!by_number.count(k)) {
        error(DiagKind::revision_sequence, revision_loc(),
              {"revision " + n(k) + " is not recorded in [[revisions]]"}, {"[[revisions]] 中没有第" + n(k) + "版的记录"});
        break;
      }
  }

  void check_dates() {
    std::vector<const Revision*> order;
    for (const Revision& rev : c_.revisions)
      if (rev.issued && rev.number > 0) order.push_back(&rev);
    std::sort(order.begin(), order.end(), [](const Revision* a, const Revision* b) { return a->number < b->number; });
    const DateAt* previous = c_.issued ? &*c_.issued : nullptr;
    std::string previous_en = "the calendar's own date (issued)", previous_zh = "日历本身的发布日期（issued）";
    for (const Revision* rev : order) {
      if (previous && rev->issued->date < previous->date) {
        error(DiagKind::revision_date_order, rev->issued->loc, {n(rev->number), rev->issued->date.iso(), previous_en},
              {n(rev->number), rev->issued->date.iso(), previous_zh});
        add_note(sink_.at(sink_.diagnostics().size() - 1), previous->loc, "that date is here", "该日期在这里");
      }
      previous = &*rev->issued;
      previous_en = "revision " + n(rev->number) + " (" + rev->issued->date.iso() + ")";
      previous_zh = "第" + n(rev->number) + "版（" + rev->issued->date.iso() + "）";
    }
  }

  // Names the ids a record could have meant.
  void suggest(Diagnostic& d, const std::string& word, const std::vector<std::string>& choices) {
    if (auto near = closest_match(word, choices)) set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
  }

  void target_error(const Revision& rev, const Location& loc, const std::string& what_en, const std::string& what_zh,
                    const std::string& why_en, const std::string& why_zh, const std::string& word = {},
                    const std::vector<std::string>& choices = {}) {
    error(DiagKind::revision_record_target, loc, {n(rev.number), what_en, why_en}, {n(rev.number), what_zh, why_zh});
    if (!word.empty()) suggest(sink_.at(sink_.diagnostics().size() - 1), word, choices);
  }

  void nothing_changed(const Revision& rev, const Location& loc, const std::string& what_en, const std::string& what_zh) {
    sink_.report_localized(DiagKind::revision_changes_nothing, loc, {n(rev.number), what_en}, {n(rev.number), what_zh});
  }

  void check_phase(const Revision& rev, const Calendar& then, const PhaseRecord& rec) {
    const std::string& id = rec.was.id.value;
    if (id.empty()) return;
    std::string en = "phase '" + id + "'", zh = "阶段“" + id + "”";
    Location loc = rec.was.id.loc;
    auto it = std::find_if(then.phases.begin(), then.phases.end(), [&](const Phase& p) { return p.id.value == id; });
    std::vector<std::string> ids;
    for (const Phase& p : then.phases) ids.push_back(p.id.value);
    if (rec.added) {
      if (it == then.phases.end())
        target_error(rev, loc, en + " as added", zh + "为新增", "the calendar has no such phase at that revision",
                     "该版本的日历中没有这个阶段", id, ids);
      return;
    }
    // One end of a window alone records that end; the phase then must have a window now, and a
    // dropped phase, recorded whole, both ends.
    bool start_only = rec.keys.count("start") && !rec.keys.count("end") && !rec.keys.count("end_tba");
    bool end_only = rec.keys.count("end") && !rec.keys.count("start");
    bool window_then = it != then.phases.end() &&
                       (it->timing.kind == TimingKind::window || it->timing.kind == TimingKind::from);
    if ((start_only || end_only) && !window_then) {
      const char* has = start_only ? "start" : "end";
      const char* lacks = start_only ? "end" : "start";
      sink_.report(DiagKind::incomplete_window, rec.was.timing.loc.known() ? rec.was.timing.loc : loc, {id, has, lacks});
      return;
    }
    if (it != then.phases.end()) {
      Phase before = *it;
      Calendar rolled = then;
      Revision only = rev;
      only.phases = {rec};
      only.exam = ExamRecord{};
      rolled.revisions = {only};
      Calendar earlier = calendar_as_of(rolled, rev.number - 1);
      auto was = std::find_if(earlier.phases.begin(), earlier.phases.end(), [&](const Phase& p) { return p.id.value == id; });
      if (was != earlier.phases.end() && same_phase(*was, before)) nothing_changed(rev, loc, en, zh);
      return;
    }
    if (const ResolvedPhase* inherited = rc_.find(id); inherited && inherited->defined_in != c_.id.value) {
      target_error(rev, loc, en, zh, "that phase is defined by '" + inherited->defined_in + "': record its change there",
                   "该阶段由“" + inherited->defined_in + "”定义：请在该日历中记录修改");
      return;
    }
    // A phase the revision dropped is recorded whole.
    std::vector<std::string> missing;
    if (!rec.keys.count("name")) missing.push_back("name");
    if (!rec.keys.count("audience")) missing.push_back("audience");
    if (!rec.writes_timing) missing.push_back("its timing");
    if (missing.empty()) return;
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    target_error(rev, loc, en, zh,
                 "the calendar has no such phase at that revision; a phase the revision dropped is recorded whole (" + list + " missing)",
                 "该版本的日历中没有这个阶段；被该次修订删除的阶段须完整记录（缺少 " + list + "）", id, ids);
  }

  void check_exam(const Revision& rev, const Calendar& then) {
    const ExamRecord& rec = rev.exam;
    if (!rec.present) return;
    const Exam& exam = then.exam;
    if (rec.added) {
      if (!exam.present)
        target_error(rev, rec.loc, "[exam] as added", "[exam] 为新增", "the calendar has no [exam] at that revision",
                     "该版本的日历中没有 [exam]");
      return;
    }
    std::vector<std::string> batch_ids;
    for (const Batch& b : exam.batches) batch_ids.push_back(b.id.value);
    for (const BatchRecord& br : rec.batches) {
      const std::string& id = br.was.id.value;
      bool exists = std::any_of(exam.batches.begin(), exam.batches.end(), [&](const Batch& b) { return b.id.value == id; });
      std::string en = "batch '" + id + "'", zh = "批次“" + id + "”";
      if (br.added && !exists)
        target_error(rev, br.was.id.loc, en + " as added", zh + "为新增", "the exam has no such batch at that revision",
                     "该版本的考试中没有这个批次", id, batch_ids);
      else if (!br.added && !exists && (!br.keys.count("mode") || !br.keys.count("days")))
        target_error(rev, br.was.id.loc, en, zh,
                     "the exam has no such batch at that revision; a batch the revision dropped is recorded whole (mode, days)",
                     "该版本的考试中没有这个批次；被该次修订删除的批次须完整记录（mode、days）", id, batch_ids);
    }
    for (const SessionRecord& sr : rec.sessions) {
      bool exists = std::any_of(exam.sessions.begin(), exam.sessions.end(), [&](const Session& s) {
        return s.mode == sr.was.mode && s.day == sr.was.day && s.key == sr.was.key;
      });
      std::string en = "the " + std::string(to_string(sr.was.mode)) + " session '" + sr.was.subject + "'";
      std::string zh = std::string(sr.was.mode == ExamMode::cbt ? "人机对话" : "纸笔作答") + "场次“" + sr.was.subject + "”";
      if (sr.added && !exists)
        target_error(rev, sr.loc, en + " as added", zh + "为新增", "the exam has no such session at that revision",
                     "该版本的考试中没有这个场次");
      else if (!sr.added && !exists && !sr.keys.count("time"))
        target_error(rev, sr.loc, en, zh,
                     "the exam has no such session at that revision; a session the revision dropped is recorded whole (time)",
                     "该版本的考试中没有这个场次；被该次修订删除的场次须完整记录（time）");
    }
    if (!exam.present) return; // the revision dropped the exam: recorded whole
    Calendar rolled = then;
    Revision only = rev;
    only.phases.clear();
    rolled.revisions = {only};
    Calendar earlier = calendar_as_of(rolled, rev.number - 1);
    if (same_exam(earlier.exam, exam)) nothing_changed(rev, rec.loc, "the exam", "考试安排");
  }

  void check_records(const Revision& rev) {
    if (rev.number < 2) return;
    Calendar then = calendar_as_of(c_, rev.number);
    for (const PhaseRecord& rec : rev.phases) check_phase(rev, then, rec);
    check_exam(rev, then);
  }

  const ResolvedCalendar& rc_;
  const Calendar& c_;
  DiagnosticSink& sink_;
  bool ok_ = true;
};

} // namespace

std::set<std::string> check_revision_records(const ResolvedProject& project, DiagnosticSink& sink) {
  std::set<std::string> broken;
  for (const ResolvedCalendar& rc : project.calendars)
    if (!RecordChecker(rc, sink).run()) broken.insert(rc.id());
  return broken;
}

} // namespace kaowu
