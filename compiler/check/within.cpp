// Kind `within`: one phase lies inside another — of the same calendar (confirmation inside
// registration) or of the parent (a site's window inside its region's) — with optional slack.
#include "check/phase_dates.hpp"
#include "check/rule_kind.hpp"

namespace kaowu {
namespace {

void run(RuleContext& ctx) {
  std::string phase = ctx.params.text("phase", "");
  std::string inside = ctx.params.text("inside", "");
  bool of_parent = ctx.params.text("of", "same") == "parent";
  long long before = ctx.params.integer("slack_before_days", 0);
  long long after = ctx.params.integer("slack_after_days", 0);
  for (const ResolvedCalendar& c : ctx.project.calendars) {
    const ResolvedCalendar* host = &c;
    if (of_parent) {
      if (c.ancestors.empty()) continue;
      host = ctx.project.find(c.ancestors.front()->id.value);
      if (!host) continue;
    }
    const ResolvedPhase* p = c.find(phase);
    const ResolvedPhase* q = host->find(inside);
    if (!p || !q || p == q) continue;
    bool p_own = own(*p, c);
    if (!p_own && (of_parent || !own(*q, c))) continue;
    auto ps = start_of(*p, c), pe = end_of(*p, c);
    auto qs = start_of(*q, *host), qe = end_of(*q, *host);
    const DateAt* bad = nullptr;
    const DateAt* limit = nullptr;
    if (ps && qs && days_between(qs->date, ps->date) < -before) {
      bad = &*ps;
      limit = &*qs;
    } else if (pe && qe && days_between(qe->date, pe->date) > after) {
      bad = &*pe;
      limit = &*qe;
    }
    if (!bad) continue;
    std::string q_name = of_parent ? inside + "' of '" + host->id() : inside;
    std::string q_name_zh = of_parent ? host->id() + "”的“" + inside : inside;
    const Location& where = p_own ? bad->loc : limit->loc;
    if (Diagnostic* d = ctx.report(DiagKind::outside_window, where,
                                   {phase, span_text(ps, pe, false), q_name, span_text(qs, qe, false)},
                                   {phase, span_text(ps, pe, true), q_name_zh, span_text(qs, qe, true)})) {
      add_note(*d, p_own ? limit->loc : bad->loc, p_own ? "the window it must lie in" : "the phase that lies outside",
               p_own ? "应在此时间段内" : "超出范围的阶段");
      if (before || after)
        add_note(*d, ctx.params.loc(after ? "slack_after_days" : "slack_before_days"),
                 "slack allowed: " + std::to_string(before) + " day(s) before, " + std::to_string(after) + " after",
                 "允许前后浮动：之前 " + std::to_string(before) + " 天，之后 " + std::to_string(after) + " 天");
    }
  }
}

} // namespace

RuleKind within_rule() {
  return {"within",
          {{"phase", ParamType::phase, true},
           {"inside", ParamType::phase, true},
           {"of", ParamType::choice, false, {"same", "parent"}},
           {"slack_before_days", ParamType::integer, false, {}, 0, 3650},
           {"slack_after_days", ParamType::integer, false, {}, 0, 3650}},
          run};
}

} // namespace kaowu
