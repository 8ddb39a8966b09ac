// Kind `exam-relation`: phases stand in a fixed relation to the exam days. Admission cards open
// at least N days before the first exam day; materials handover ends before it; results come
// after the last exam day.
#include "check/phase_dates.hpp"
#include "check/rule_kind.hpp"
#include "check/select.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

std::string days_before_en(int32_t n) {
  if (n > 0) return std::to_string(n) + " day(s) before the first exam day";
  if (n == 0) return "on the first exam day";
  return std::to_string(-n) + " day(s) after the first exam day";
}

std::string days_before_zh(int32_t n) {
  if (n > 0) return "距首个考试日仅 " + std::to_string(n) + " 天";
  if (n == 0) return "恰在首个考试日";
  return "晚于首个考试日 " + std::to_string(-n) + " 天";
}

void check_phase(RuleContext& ctx, const ResolvedPhase& p, const std::string& relation, int32_t min_days) {
  const ResolvedCalendar& c = ctx.calendar;
  bool exam_here = c.exam_defined_in == c.id();
  if (p.is_exam || !(own(p, c) || exam_here)) return;
  Date first = c.exam_days.front(), last = c.exam_days.back();
  std::string en = phase_label(p.phase, false), zh = phase_label(p.phase, true);
  if (relation == "opens-before" || relation == "ends-before") {
    bool opens = relation == "opens-before";
    auto at = opens ? start_of(p, c) : end_of(p, c);
    if (!at) return;
    int32_t lead = days_between(at->date, first);
    if (lead >= min_days) return;
    Location where = own(p, c) ? at->loc : exam_day_location(c, first);
    Diagnostic* d =
        opens ? ctx.report(DiagKind::opens_too_late, where,
                           {en, at->date.iso(), days_before_en(lead), std::to_string(min_days), first.iso()},
                           {zh, at->date.iso(), days_before_zh(lead), std::to_string(min_days), first.iso()})
              : ctx.report(DiagKind::ends_too_late, where, {en, at->date.iso(), std::to_string(min_days), first.iso()},
                           {zh, at->date.iso(), std::to_string(min_days), first.iso()});
    if (d && own(p, c)) add_note(*d, exam_day_location(c, first), "the first exam day", "首个考试日");
    else if (d) add_note(*d, at->loc, en + " is dated here", zh + "的日期在这里");
    return;
  }
  // starts-after
  auto at = start_of(p, c, true);
  if (!at) at = end_of(p, c, true);
  if (!at) return;
  if (days_between(last, at->date) >= min_days) return;
  Location where = own(p, c) ? at->loc : exam_day_location(c, last);
  if (Diagnostic* d = ctx.report(DiagKind::before_exam_end, where, {en, at->date.iso(), std::to_string(min_days), last.iso()},
                                 {zh, at->date.iso(), std::to_string(min_days), last.iso()}))
    add_note(*d, own(p, c) ? exam_day_location(c, last) : at->loc, own(p, c) ? "the last exam day" : en + " is dated here",
             own(p, c) ? "最后一个考试日" : zh + "的日期在这里");
}

void run(RuleContext& ctx) {
  if (ctx.calendar.exam_days.empty()) return;
  std::string relation = ctx.params.text("relation", "");
  int32_t min_days = static_cast<int32_t>(ctx.params.integer("min_days", 1));
  for (const std::string& name : ctx.params.texts("phases"))
    for (const ResolvedPhase* p : select(ctx.calendar, name)) check_phase(ctx, *p, relation, min_days);
}

} // namespace

RuleKind exam_relation_rule() {
  return {"exam-relation",
          {{"phases", ParamType::phases, true},
           {"relation", ParamType::choice, true, {"opens-before", "ends-before", "starts-after"}},
           {"min_days", ParamType::integer, false, {}, -3650, 3650}},
          run};
}

} // namespace kaowu
