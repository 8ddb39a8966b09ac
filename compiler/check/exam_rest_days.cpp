// Kind `exam-rest-days`: exam days are rest days by the holiday calendar, so a 调休 working
// Sunday is not one. Exams have been moved to working days (a postponed year ran CBT on a
// Tuesday), so the shipped rules make this a warning.
#include "check/rest_days.hpp"
#include "check/rule_kind.hpp"

#include <set>

namespace kaowu {
namespace {

void check_day(RuleContext& ctx, const DateAt& day) {
  RestDay r = ctx.rest_day(day);
  if (r.rest) return;
  ctx.report(DiagKind::exam_on_working_day, day.loc, {day.date.iso(), " (" + r.why_en + ")"},
             {day.date.iso(), "（" + r.why_zh + "）"});
}

// A day is told once, where it is first written: the paper days are CBT batch 1's days too, and
// the exam period may list the batches' days again.
void run(RuleContext& ctx) {
  const Exam& e = ctx.calendar.calendar->exam;
  std::set<Date> told;
  auto once = [&](const DateAt& d) {
    if (told.insert(d.date).second) check_day(ctx, d);
  };
  for (const DateAt& d : e.days) once(d);
  for (const Batch& b : e.batches)
    for (const DateAt& d : b.days) once(d);
}

} // namespace

RuleKind exam_rest_days_rule() { return {"exam-rest-days", {}, run}; }

} // namespace kaowu
