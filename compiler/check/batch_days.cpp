// Kind `batch-days`: when [exam] states the exam period apart from its batches, every batch day
// is one of those days.
#include "check/rule_kind.hpp"

namespace kaowu {
namespace {

void run(RuleContext& ctx) {
  const Exam& e = ctx.calendar.calendar->exam;
  if (!e.present || e.days.empty()) return;
  std::string period;
  for (const DateAt& d : e.days) period += (period.empty() ? "" : ", ") + d.date.iso();
  for (const Batch& b : e.batches)
    for (const DateAt& day : b.days) {
      bool listed = false;
      for (const DateAt& d : e.days) listed = listed || d.date == day.date;
      if (listed) continue;
      if (Diagnostic* d = ctx.report(DiagKind::batch_outside_exam, day.loc, {b.id.value, day.date.iso(), period}))
        add_note(*d, e.days.front().loc, "the exam days", "考试日期");
    }
}

} // namespace

RuleKind batch_days_rule() { return {"batch-days", {}, run}; }

} // namespace kaowu
