// Kind `order`: the listed phases follow each other (registration before confirmation, …),
// compared by their starts, their ends, or the end of one to the start of the next. Phases are
// named by kind: every phase of one kind is held against every phase of the next.
#include "check/phase_dates.hpp"
#include "check/rule_kind.hpp"
#include "check/select.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

std::optional<DateAt> pick(const ResolvedPhase& p, const ResolvedCalendar& c, bool start) {
  return start ? start_of(p, c) : end_of(p, c);
}

void compare(RuleContext& ctx, const ResolvedPhase& a, const ResolvedPhase& b, bool earlier_start,
             bool later_start, long long gap) {
  const ResolvedCalendar& c = ctx.calendar;
  if (&a == &b || !(own(a, c) || own(b, c))) return;
  auto da = pick(a, c, earlier_start);
  auto db = pick(b, c, later_start);
  if (!da || !db || days_between(da->date, db->date) >= gap) return;
  std::string a_en = phase_label(a.phase, false), a_zh = phase_label(a.phase, true);
  std::string b_en = phase_label(b.phase, false), b_zh = phase_label(b.phase, true);
  const char* a_part_en = earlier_start ? "start" : "end";
  const char* a_part_zh = earlier_start ? "开始" : "结束";
  const char* b_verb_en = later_start ? "start" : "end";
  const char* b_verb_zh = later_start ? "开始" : "结束";
  std::string when_en = gap == 0 ? "no earlier than" : "at least " + std::to_string(gap) + " day(s) after";
  std::string when_zh = gap == 0 ? "不早于" : "至少晚于";
  std::string gap_zh = gap == 0 ? "" : " " + std::to_string(gap) + " 天";
  std::string en = "it " + std::string(b_verb_en) + "s on " + db->date.iso() + ", but must " + b_verb_en + " " +
                   when_en + " the " + a_part_en + " of " + a_en + " (" + da->date.iso() + ")";
  std::string zh = "于" + db->date.iso() + b_verb_zh + "，但应" + when_zh + a_zh + "的" + a_part_zh + "（" +
                   da->date.iso() + "）" + gap_zh;
  bool at_b = own(b, c);
  const DateAt& primary = at_b ? *db : *da;
  const DateAt& other = at_b ? *da : *db;
  if (Diagnostic* d = ctx.report(DiagKind::out_of_order, primary.loc, {b_en, en}, {b_zh, zh}))
    add_note(*d, other.loc, (at_b ? a_en : b_en) + " is dated here", (at_b ? a_zh : b_zh) + "的日期在这里");
}

void run(RuleContext& ctx) {
  std::vector<std::string> names = ctx.params.texts("phases");
  std::string by = ctx.params.text("by", "start");
  long long gap = ctx.params.integer("min_gap_days", 0);
  bool earlier_start = by == "start";
  bool later_start = by != "end";
  for (size_t i = 0; i + 1 < names.size(); ++i)
    for (const ResolvedPhase* a : select(ctx.calendar, names[i]))
      for (const ResolvedPhase* b : select(ctx.calendar, names[i + 1]))
        compare(ctx, *a, *b, earlier_start, later_start, gap);
}

} // namespace

RuleKind order_rule() {
  return {"order",
          {{"phases", ParamType::phases, true},
           {"by", ParamType::choice, false, {"start", "end", "end-to-start"}},
           {"min_gap_days", ParamType::integer, false, {}, -3650, 3650}},
          run};
}

} // namespace kaowu
