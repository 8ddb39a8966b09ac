// Kind `session-length`: every session of a mode lasts what that mode's subjects last
// (CBT 90 minutes, paper 120 minutes), so a mistyped start or end time shows. A calendar whose
// sittings are longer (a senior exam's 120-minute computer sittings) sets its own length in
// [[rule_overrides]].
#include "check/rule_kind.hpp"

namespace kaowu {
namespace {

void run(RuleContext& ctx) {
  long long cbt = ctx.params.integer("cbt_minutes", 90);
  long long paper = ctx.params.integer("paper_minutes", 120);
  for (const Session& s : ctx.calendar.calendar->exam.sessions) {
    long long expected = s.mode == ExamMode::cbt ? cbt : paper;
    int length = s.time.end_minute - s.time.start_minute;
    if (expected == 0 || length == expected) continue;
    const char* mode_zh = s.mode == ExamMode::cbt ? "人机对话" : "纸笔作答";
    ctx.report(DiagKind::session_length, s.time.loc,
               {to_string(s.mode), s.subject, std::to_string(length), std::to_string(expected)},
               {mode_zh, s.subject, std::to_string(length), std::to_string(expected)});
  }
}

} // namespace

RuleKind session_length_rule() {
  return {"session-length",
          {{"cbt_minutes", ParamType::integer, false, {}, 0, 600},
           {"paper_minutes", ParamType::integer, false, {}, 0, 600}},
          run};
}

} // namespace kaowu
