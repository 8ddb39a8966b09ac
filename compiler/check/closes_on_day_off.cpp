// Kind `closes-on-day-off`: an in-person window closed on holidays must not end on a day off,
// or its published last day is one nobody can use. With only_closed_on_holidays = false every
// in-person phase is held to it.
#include "check/rest_days.hpp"
#include "check/rule_kind.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

void run(RuleContext& ctx) {
  bool only_closed = ctx.params.boolean("only_closed_on_holidays", true);
  for (const Phase& p : ctx.calendar.calendar->phases) {
    if (p.form != Form::in_person || (only_closed && !p.closed_on_holidays)) continue;
    const Timing& t = p.timing;
    const DateAt* last = nullptr;
    if (t.kind == TimingKind::window || t.kind == TimingKind::deadline) last = &t.end;
    else if (t.kind == TimingKind::days && !t.days.empty()) last = &t.days.back();
    if (!last) continue;
    RestDay r = ctx.rest_day(*last);
    if (!r.rest) continue;
    ctx.report(DiagKind::closes_on_day_off, last->loc, {phase_label(p, false), last->date.iso(), " (" + r.why_en + ")"},
               {phase_label(p, true), last->date.iso(), "（" + r.why_zh + "）"});
  }
}

} // namespace

RuleKind closes_on_day_off_rule() {
  return {"closes-on-day-off", {{"only_closed_on_holidays", ParamType::boolean, false}}, run};
}

} // namespace kaowu
