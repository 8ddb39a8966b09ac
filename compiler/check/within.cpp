// Kind `within`: one phase lies inside another — of the same calendar (confirmation inside
// registration) or of the parent (a site's window inside its region's) — with optional slack.
// Phases are named by kind; a phase is inside when it lies inside any phase of the other kind.
#include "check/phase_dates.hpp"
#include "check/rule_kind.hpp"
#include "check/select.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

struct Span {
  std::optional<DateAt> start, end;
};

// The bound of `p` that falls outside `q`, with the bound of `q` it crosses; nothing when inside.
std::optional<std::pair<DateAt, DateAt>> outside(const Span& p, const Span& q, long long before, long long after) {
  if (p.start && q.start && days_between(q.start->date, p.start->date) < -before) return std::make_pair(*p.start, *q.start);
  if (p.end && q.end && days_between(q.end->date, p.end->date) > after) return std::make_pair(*p.end, *q.end);
  return std::nullopt;
}

void run(RuleContext& ctx) {
  std::string phase = ctx.params.text("phase", "");
  std::string inside = ctx.params.text("inside", "");
  bool of_parent = ctx.params.text("of", "same") == "parent";
  long long before = ctx.params.integer("slack_before_days", 0);
  long long after = ctx.params.integer("slack_after_days", 0);
  const ResolvedCalendar& c = ctx.calendar;
  const ResolvedCalendar* host = &c;
  if (of_parent) {
    if (c.ancestors.empty()) return;
    host = ctx.project.find(c.ancestors.front()->id.value);
    if (!host) return;
  }
  std::vector<const ResolvedPhase*> hosts = select(*host, inside);
  for (const ResolvedPhase* p : select(c, phase)) {
    bool p_own = own(*p, c);
    Span ps{start_of(*p, c), end_of(*p, c)};
    std::optional<std::pair<DateAt, DateAt>> first_miss;
    const ResolvedPhase* first_host = nullptr;
    bool inside_one = false;
    for (const ResolvedPhase* q : hosts) {
      if (q == p || (!p_own && (of_parent || !own(*q, c)))) continue;
      auto miss = outside(ps, Span{start_of(*q, *host), end_of(*q, *host)}, before, after);
      if (!miss) {
        inside_one = true;
        break;
      }
      if (!first_miss) {
        first_miss = miss;
        first_host = q;
      }
    }
    if (inside_one || !first_miss) continue;
    const ResolvedPhase& q = *first_host;
    auto [bad, limit] = *first_miss;
    Span qs{start_of(q, *host), end_of(q, *host)};
    std::string q_name = phase_label(q.phase, false) + (of_parent ? " of '" + host->id() + "'" : "");
    std::string q_name_zh = (of_parent ? "“" + host->id() + "”的" : "") + phase_label(q.phase, true);
    const Location& where = p_own ? bad.loc : limit.loc;
    if (Diagnostic* d = ctx.report(DiagKind::outside_window, where,
                                   {phase_label(p->phase, false), span_text(ps.start, ps.end, false), q_name, span_text(qs.start, qs.end, false)},
                                   {phase_label(p->phase, true), span_text(ps.start, ps.end, true), q_name_zh, span_text(qs.start, qs.end, true)})) {
      add_note(*d, p_own ? limit.loc : bad.loc, p_own ? "the window it must lie in" : "the phase that lies outside",
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
