// Kind `holiday-open-days`: an in-person window that is closed on public holidays
// (closed_on_holidays = true, 节假日休息) keeps at least N days on which it is open.
#include "check/rest_days.hpp"
#include "check/rule_kind.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

void run(RuleContext& ctx) {
  long long needed = ctx.params.integer("min_open_days", 1);
  for (const Phase& p : ctx.calendar.calendar->phases) {
    const Timing& t = p.timing;
    if (!p.closed_on_holidays || t.kind != TimingKind::window || t.end.date < t.start.date) continue;
    long long open = 0;
    for (Date d = t.start.date; d <= t.end.date && open < needed; d = d.plus_days(1))
      if (!ctx.rest_day(DateAt{d, t.start.loc}).rest) ++open;
    if (open >= needed) continue;
    std::vector<std::string> en = {phase_label(p, false), std::to_string(open), t.start.date.iso(), t.end.date.iso(),
                                   std::to_string(needed)};
    std::vector<std::string> zh = en;
    zh[0] = phase_label(p, true);
    if (Diagnostic* d = ctx.report(DiagKind::too_few_open_days, t.end.loc, en, zh))
      add_note(*d, t.start.loc, "the window starts here", "开始日期在这里");
  }
}

} // namespace

RuleKind holiday_open_days_rule() {
  return {"holiday-open-days", {{"min_open_days", ParamType::integer, false, {}, 0, 366}}, run};
}

} // namespace kaowu
