// Kind `exam-rest-days`: exam days are rest days by the holiday calendar, so a 调休 working
// Sunday is not one. Exams have been moved to working days (a postponed year ran CBT on a
// Tuesday), so the shipped rules make this a warning.
#include "check/rest_days.hpp"
#include "check/rule_kind.hpp"

namespace kaowu {
namespace {

void check_day(RuleContext& ctx, const DateAt& day) {
  RestDay r = rest_day(ctx.project, day.date);
  if (r.rest) return;
  ctx.report(DiagKind::exam_on_working_day, day.loc, {day.date.iso(), " (" + r.why_en + ")"},
             {day.date.iso(), "（" + r.why_zh + "）"});
}

void run(RuleContext& ctx) {
  for (const Calendar& c : ctx.project.project->calendars) {
    for (const DateAt& d : c.exam.days) check_day(ctx, d);
    for (const Batch& b : c.exam.batches)
      for (const DateAt& d : b.days) check_day(ctx, d);
  }
}

} // namespace

RuleKind exam_rest_days_rule() { return {"exam-rest-days", {}, run}; }

} // namespace kaowu
