// Kind `paper-with-first-batch`: paper days coincide with CBT batch 1 (the earliest CBT batch).
#include "check/rule_kind.hpp"

namespace kaowu {
namespace {

void run(RuleContext& ctx) {
  const Exam& e = ctx.calendar.calendar->exam;
  const Batch* first = nullptr;
  for (const Batch& b : e.batches)
    if (b.mode == ExamMode::cbt && !b.days.empty() && (!first || b.days.front().date < first->days.front().date))
      first = &b;
  if (!first) return;
  std::string days;
  for (const DateAt& d : first->days) days += (days.empty() ? "" : ", ") + d.date.iso();
  for (const Batch& b : e.batches) {
    if (b.mode != ExamMode::paper) continue;
    for (const DateAt& day : b.days) {
      bool shared = false;
      for (const DateAt& d : first->days) shared = shared || d.date == day.date;
      if (shared) continue;
      if (Diagnostic* d = ctx.report(DiagKind::paper_not_first_batch, day.loc, {day.date.iso(), first->id.value, days}))
        add_note(*d, first->days.front().loc, "CBT batch 1", "人机对话第1批次");
    }
  }
}

} // namespace

RuleKind paper_with_first_batch_rule() { return {"paper-with-first-batch", {}, run}; }

} // namespace kaowu
