// Kind `bounds`: a lower level never widens the upper level's window for the same phase. A
// phase that declares `widens = "reason"` is a known exception: reported as a note with the
// reason, never silently accepted. The exam days of a lower level lie inside the parent's too.
#include <algorithm>

#include "check/phase_dates.hpp"
#include "check/rule_kind.hpp"

namespace kaowu {
namespace {

void check_phase(RuleContext& ctx, const ResolvedCalendar& c, const ResolvedCalendar& parent,
                 const ResolvedPhase& p, const ResolvedPhase& q) {
  auto ps = start_of(p, c), pe = end_of(p, c);
  auto qs = start_of(q, parent), qe = end_of(q, parent);
  const DateAt* bad = nullptr;
  const DateAt* limit = nullptr;
  if (ps && qs && ps->date < qs->date) {
    bad = &*ps;
    limit = &*qs;
  } else if (pe && qe && pe->date > qe->date) {
    bad = &*pe;
    limit = &*qe;
  }
  if (!bad) return;
  const Text& widens = p.phase.widens;
  Severity severity = widens.empty() ? ctx.rule.severity : Severity::note;
  const std::string& id = p.phase.id.value;
  Diagnostic* d = ctx.report(DiagKind::widens_parent, severity, bad->loc,
                             {id, span_text(ps, pe, false), q.defined_in, span_text(qs, qe, false)},
                             {id, span_text(ps, pe, true), q.defined_in, span_text(qs, qe, true)});
  if (!d) return;
  add_note(*d, limit->loc, "the parent's window is here", "上级规定的时间在这里");
  if (!widens.empty())
    add_note(*d, widens.loc, "declared exception: " + widens.value, "已声明的例外：" + widens.value);
}

void check_exam_days(RuleContext& ctx, const ResolvedCalendar& c, const ResolvedCalendar& parent) {
  if (!c.calendar->exam.present || c.exam_days.empty() || parent.exam_days.empty()) return;
  Date first = parent.exam_days.front(), last = parent.exam_days.back();
  for (Date day : c.exam_days) {
    if (day >= first && day <= last) continue;
    std::optional<DateAt> here = DateAt{day, exam_day_location(c, day)};
    std::optional<DateAt> from = DateAt{first, {}}, to = DateAt{last, {}};
    if (Diagnostic* d = ctx.report(DiagKind::widens_parent, here->loc,
                                   {"exam", day.iso(), parent.id(), span_text(from, to, false)},
                                   {"exam", day.iso(), parent.id(), span_text(from, to, true)}))
      add_note(*d, exam_day_location(parent, first), "the parent's exam days begin here", "上级的考试日期在这里");
  }
}

void run(RuleContext& ctx) {
  std::vector<std::string> only = ctx.params.texts("phases");
  std::vector<std::string> except = ctx.params.texts("except");
  auto skipped = [&](const std::string& id) {
    return (!only.empty() && std::find(only.begin(), only.end(), id) == only.end()) ||
           std::find(except.begin(), except.end(), id) != except.end();
  };
  for (const ResolvedCalendar& c : ctx.project.calendars) {
    if (c.ancestors.empty()) continue;
    const ResolvedCalendar* parent = ctx.project.find(c.ancestors.front()->id.value);
    if (!parent) continue;
    for (const ResolvedPhase& p : c.phases) {
      if (!own(p, c) || p.is_exam || !p.batch_id.empty()) continue;
      if (skipped(p.phase.id.value)) continue;
      if (const ResolvedPhase* q = parent->find(p.phase.id.value); q && !q->is_exam)
        check_phase(ctx, c, *parent, p, *q);
    }
    if (!skipped("exam")) check_exam_days(ctx, c, *parent);
  }
}

} // namespace

RuleKind bounds_rule() {
  return {"bounds", {{"phases", ParamType::phases, false}, {"except", ParamType::phases, false}}, run};
}

} // namespace kaowu
