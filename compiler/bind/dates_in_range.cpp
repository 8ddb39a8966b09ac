#include "bind/dates_in_range.hpp"

#include <set>
#include <tuple>

#include "load/domain_limits.hpp"

namespace kaowu {

namespace {
void out_of_range(DiagnosticSink& sink, const Location& at, const std::string& what, Date d, bool computed) {
  Diagnostic& diag = sink.report(DiagKind::value_out_of_range, at, {what, d.iso(), date_range_text()});
  if (computed)
    set_help(diag, "kaowu publishes the years 2000–2099: check the date this one is counted from, and the months and days added",
             "kaowu 只发布 2000–2099 年的日期：请检查计算基准日期以及所加的月数和天数");
  else
    set_help(diag, "kaowu publishes the years 2000–2099: check the year for a typing slip",
             "kaowu 只发布 2000–2099 年的日期：请检查年份是否写错");
}
} // namespace

void check_dates_in_range(const ResolvedProject& project, const std::vector<Notice>& notices, DiagnosticSink& sink) {
  // An inherited phase is computed again in every calendar below: report each key once.
  std::set<std::tuple<std::string, uint32_t, uint32_t>> reported;
  for (const ResolvedCalendar& rc : project.calendars)
    for (const ResolvedPhase& rp : rc.phases) {
      bool computed = rp.phase.timing.kind == TimingKind::relative || !rp.batch_id.empty();
      if (!computed || !rp.first || in_date_range(*rp.first)) continue;
      Location at = rp.phase.timing.loc.known() ? rp.phase.timing.loc : rp.phase.loc;
      if (reported.emplace(at.file, at.line, at.column).second) out_of_range(sink, at, rp.phase.id.value, *rp.first, true);
    }
  for (const Notice& n : notices)
    if (n.date && !in_date_range(n.date->date)) out_of_range(sink, n.date->loc, "date", n.date->date, false);
}

} // namespace kaowu
