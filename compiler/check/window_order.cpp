#include "check/check.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {
// `what` names the window in each language: a phase by its name and id, a holiday by its name.
void report_reversed(DiagnosticSink& sink, const Bilingual& what, const DateAt& start, const DateAt& end) {
  Diagnostic& d = sink.report_localized(DiagKind::window_reversed, end.loc, {what.en, start.date.iso(), end.date.iso()},
                                        {what.zh, start.date.iso(), end.date.iso()});
  add_note(d, start.loc, "it starts here", "开始日期在这里");
}
} // namespace

void check_window_order(const ResolvedProject& project, DiagnosticSink& sink) {
  for (const Calendar& c : project.project->calendars)
    for (const Phase& p : c.phases)
      if (p.timing.kind == TimingKind::window && p.timing.end.date < p.timing.start.date)
        report_reversed(sink, {phase_label(p, false), phase_label(p, true)}, p.timing.start, p.timing.end);
  for (const HolidayYear& y : project.project->holidays)
    for (const HolidayBreak& b : y.breaks)
      if (b.end.date < b.start.date) report_reversed(sink, {quoted(b.name, false), quoted(b.name, true)}, b.start, b.end);
}

} // namespace kaowu
