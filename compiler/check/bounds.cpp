// Kind `bounds`: a lower level never widens the upper level's window for the same phase (the
// parent's phase of the same id, or the one it `narrows`). A phase that declares
// `widens = "reason"` or `opts_out = "reason"` is a known exception: reported as a note with the
// reason, never silently accepted; a `widens` that no longer widens anything is a warning, so a
// stale exception cannot hide a real one later. The exam days of a lower level lie inside the
// parent's too.
#include <algorithm>

#include "check/phase_dates.hpp"
#include "check/rule_kind.hpp"
#include "check/select.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

void check_phase(RuleContext& ctx, const ResolvedCalendar& parent, const ResolvedPhase& p, const ResolvedPhase& q) {
  const ResolvedCalendar& c = ctx.calendar;
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
  const Text& widens = p.phase.widens;
  const Text& opts_out = p.phase.opts_out;
  const std::string& id = p.phase.id.value;
  const std::string& parent_id = q.phase.id.value;
  std::string en = phase_label(p.phase, false), zh = phase_label(p.phase, true);
  std::string q_en = phase_label(q.phase, false), q_zh = phase_label(q.phase, true);
  if (!bad) {
    // Only a comparison that could be made says the exception is stale.
    bool judged = (ps && qs) || (pe && qe);
    if (!widens.empty() && judged)
      if (Diagnostic* d = ctx.report(DiagKind::widens_nothing, Severity::warning, widens.loc,
                                     {en, span_text(ps, pe, false), q_en, parent.id(), span_text(qs, qe, false)},
                                     {zh, span_text(ps, pe, true), q_zh, parent.id(), span_text(qs, qe, true)}))
        add_note(*d, (qs ? qs->loc : qe->loc), "the parent's window is here", "上级规定的时间在这里");
    return;
  }
  const Text& exception = opts_out.empty() ? widens : opts_out;
  Severity severity = exception.empty() ? ctx.rule.severity : Severity::note;
  Diagnostic* d = ctx.report(DiagKind::widens_parent, severity, bad->loc,
                             {en, span_text(ps, pe, false), q.defined_in, span_text(qs, qe, false)},
                             {zh, span_text(ps, pe, true), q.defined_in, span_text(qs, qe, true)});
  if (!d) return;
  if (id != parent_id || en != q_en) { // it narrows a phase of another id or name
    d->message.en = en + " (" + span_text(ps, pe, false) + ") is wider than " + q_en + " of the parent calendar '" +
                    q.defined_in + "' (" + span_text(qs, qe, false) + "), which it narrows";
    d->message.zh = zh + "（" + span_text(ps, pe, true) + "）超出了它所细化的上级日程“" + q.defined_in + "”的" + q_zh +
                    "（" + span_text(qs, qe, true) + "）";
  }
  add_note(*d, limit->loc, "the parent's window is here", "上级规定的时间在这里");
  if (!opts_out.empty())
    add_note(*d, opts_out.loc, "declared: this calendar does not follow it: " + opts_out.value,
             "已声明不参加上级的该项安排：" + opts_out.value);
  else if (!widens.empty())
    add_note(*d, widens.loc, "declared exception: " + widens.value, "已声明的例外：" + widens.value);
}

void check_exam_days(RuleContext& ctx, const ResolvedCalendar& parent) {
  const ResolvedCalendar& c = ctx.calendar;
  if (!c.calendar->exam.present || c.exam_days.empty() || parent.exam_days.empty()) return;
  Date first = parent.exam_days.front(), last = parent.exam_days.back();
  for (Date day : c.exam_days) {
    if (day >= first && day <= last) continue;
    std::optional<DateAt> here = DateAt{day, exam_day_location(c, day)};
    std::optional<DateAt> from = DateAt{first, {}}, to = DateAt{last, {}};
    if (Diagnostic* d = ctx.report(DiagKind::widens_parent, here->loc,
                                   {phase_label(parent.find("exam") ? parent.find("exam")->phase.name : "", "exam", false), day.iso(),
                                    parent.id(), span_text(from, to, false)},
                                   {phase_label(parent.find("exam") ? parent.find("exam")->phase.name : "", "exam", true), day.iso(),
                                    parent.id(), span_text(from, to, true)}))
      add_note(*d, exam_day_location(parent, first), "the parent's exam days begin here", "上级的考试日期在这里");
  }
}

void run(RuleContext& ctx) {
  const ResolvedCalendar& c = ctx.calendar;
  if (c.ancestors.empty()) return;
  const ResolvedCalendar* parent = ctx.project.find(c.ancestors.front()->id.value);
  if (!parent) return;
  std::vector<PhaseSelector> only, except;
  for (const std::string& s : ctx.params.texts("phases")) only.push_back(parse_selector(s));
  for (const std::string& s : ctx.params.texts("except")) except.push_back(parse_selector(s));
  auto any = [](const std::vector<PhaseSelector>& list, const ResolvedPhase& p) {
    return std::any_of(list.begin(), list.end(), [&](const PhaseSelector& s) { return matches(p, s); });
  };
  for (const ResolvedPhase& p : c.phases) {
    if (!own(p, c) || p.is_exam || !p.batch_id.empty()) continue;
    if ((!only.empty() && !any(only, p)) || any(except, p)) continue;
    const std::string& target = p.phase.narrows.empty() ? p.phase.id.value : p.phase.narrows.value;
    if (const ResolvedPhase* q = parent->find(target); q && !q->is_exam) check_phase(ctx, *parent, p, *q);
  }
  ResolvedPhase exam_probe;
  exam_probe.is_exam = true;
  if ((only.empty() || any(only, exam_probe)) && !any(except, exam_probe)) check_exam_days(ctx, *parent);
}

} // namespace

RuleKind bounds_rule() {
  return {"bounds", {{"phases", ParamType::phases, false}, {"except", ParamType::phases, false}}, run};
}

} // namespace kaowu
