#include "check/check.hpp"
#include "text/zh_format.hpp"
#include "text/phase_label.hpp"

namespace kaowu {

void check_slot_dates(const ResolvedProject& project, DiagnosticSink& sink) {
  for (const Calendar& c : project.project->calendars)
    for (const Phase& p : c.phases) {
      // Only a window has a span to check against; a reversed one is reported already.
      if (p.timing.kind != TimingKind::window || p.timing.end.date < p.timing.start.date) continue;
      for (const Slot& s : p.slots) {
        Date day = s.date.date;
        if (day >= p.timing.start.date && day <= p.timing.end.date) continue;
        Diagnostic& d = sink.report_localized(
            DiagKind::slot_outside_phase, s.date.loc,
            {"'" + s.who + "'", day.iso(), phase_label(p, false), p.timing.start.date.iso() + "–" + p.timing.end.date.iso()},
            {"“" + s.who + "”", zh_date(day), phase_label(p, true), zh_window(p.timing.start.date, p.timing.end.date)});
        add_note(d, p.timing.start.loc, "the phase runs from here", "阶段从这里开始");
      }
    }
}

} // namespace kaowu
