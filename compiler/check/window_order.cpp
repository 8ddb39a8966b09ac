#include "check/check.hpp"

namespace kaowu {
namespace {
void report_reversed(DiagnosticSink& sink, const std::string& what, const DateAt& start, const DateAt& end) {
  Diagnostic& d = sink.report(DiagKind::window_reversed, end.loc, {what, start.date.iso(), end.date.iso()});
  add_note(d, start.loc, "it starts here", "开始日期在这里");
}
} // namespace

void check_window_order(const ResolvedProject& project, DiagnosticSink& sink) {
  for (const Calendar& c : project.project->calendars)
    for (const Phase& p : c.phases)
      if (p.timing.kind == TimingKind::window && p.timing.end.date < p.timing.start.date)
        report_reversed(sink, p.id.value, p.timing.start, p.timing.end);
  for (const HolidayYear& y : project.project->holidays)
    for (const HolidayBreak& b : y.breaks)
      if (b.end.date < b.start.date) report_reversed(sink, b.name, b.start, b.end);
}

} // namespace kaowu
