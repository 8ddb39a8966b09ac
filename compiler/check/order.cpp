// Kind `order`: the listed phases follow each other (registration before confirmation, …),
// compared by their starts, their ends, or the end of one to the start of the next.
#include "check/phase_dates.hpp"
#include "check/rule_kind.hpp"

namespace kaowu {
namespace {

struct Bound {
  const ResolvedPhase* phase;
  DateAt at;
};

std::optional<DateAt> pick(const ResolvedPhase& p, const ResolvedCalendar& c, bool start) {
  return start ? start_of(p, c) : end_of(p, c);
}

void run(RuleContext& ctx) {
  std::vector<std::string> ids = ctx.params.texts("phases");
  std::string by = ctx.params.text("by", "start");
  long long gap = ctx.params.integer("min_gap_days", 0);
  bool earlier_start = by == "start";
  bool later_start = by != "end";
  for (const ResolvedCalendar& c : ctx.project.calendars) {
    for (size_t i = 0; i + 1 < ids.size(); ++i) {
      const ResolvedPhase* a = c.find(ids[i]);
      const ResolvedPhase* b = c.find(ids[i + 1]);
      if (!a || !b || !(own(*a, c) || own(*b, c))) continue;
      auto da = pick(*a, c, earlier_start);
      auto db = pick(*b, c, later_start);
      if (!da || !db || days_between(da->date, db->date) >= gap) continue;
      const char* a_part_en = earlier_start ? "start" : "end";
      const char* a_part_zh = earlier_start ? "开始" : "结束";
      const char* b_verb_en = later_start ? "start" : "end";
      const char* b_verb_zh = later_start ? "开始" : "结束";
      std::string when_en = gap == 0 ? "no earlier than" : "at least " + std::to_string(gap) + " day(s) after";
      std::string when_zh = gap == 0 ? "不早于" : "至少晚于";
      std::string gap_zh = gap == 0 ? "" : " " + std::to_string(gap) + " 天";
      std::string en = "it " + std::string(b_verb_en) + "s on " + db->date.iso() + ", but must " + b_verb_en +
                       " " + when_en + " the " + a_part_en + " of '" + ids[i] + "' (" + da->date.iso() + ")";
      std::string zh = "于" + db->date.iso() + b_verb_zh + "，但应" + when_zh + "“" + ids[i] + "”的" + a_part_zh +
                       "（" + da->date.iso() + "）" + gap_zh;
      bool at_b = own(*b, c);
      const DateAt& primary = at_b ? *db : *da;
      const DateAt& other = at_b ? *da : *db;
      if (Diagnostic* d = ctx.report(DiagKind::out_of_order, primary.loc, {ids[i + 1], en}, {ids[i + 1], zh}))
        add_note(*d, other.loc, "'" + (at_b ? ids[i] : ids[i + 1]) + "' is dated here",
                 "“" + (at_b ? ids[i] : ids[i + 1]) + "”的日期在这里");
    }
  }
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
