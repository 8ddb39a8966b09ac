// Kind `sessions-disjoint`: the sessions of one mode on one day never overlap. A session
// without `day` is held every day of its mode, so it meets every dated session of that mode.
// CBT and paper candidates are different people: sessions of different modes may overlap.
#include "check/rule_kind.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

void run(RuleContext& ctx) {
  const auto& s = ctx.calendar.calendar->exam.sessions;
  for (size_t j = 0; j < s.size(); ++j)
    for (size_t i = 0; i < j; ++i) {
      const Session& a = s[i];
      const Session& b = s[j];
      if (a.mode != b.mode || (a.day && b.day && a.day != b.day)) continue;
      if (!(a.time.start_minute < b.time.end_minute && b.time.start_minute < a.time.end_minute)) continue;
      const char* mode_zh = b.mode == ExamMode::cbt ? "人机对话" : "纸笔作答";
      if (Diagnostic* d = ctx.report(DiagKind::sessions_overlap, b.time.loc,
                                     {to_string(b.mode), a.subject, time_range_text(a.time), b.subject, time_range_text(b.time)},
                                     {mode_zh, a.subject, time_range_text(a.time), b.subject, time_range_text(b.time)}))
        add_note(*d, a.time.loc, "the session it overlaps", "与之重叠的科目");
      break; // one report per session
    }
}

} // namespace

RuleKind sessions_disjoint_rule() { return {"sessions-disjoint", {}, run}; }

} // namespace kaowu
