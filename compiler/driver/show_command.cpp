#include "driver/show_command.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "diag/suggest.hpp"
#include "driver/new_command.hpp"
#include "text/en_format.hpp"
#include "text/phase_label.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

// The marks a candidate is shown with the dates, as the pages word them.
std::string marks(const ResolvedPhase& rp, bool zh) {
  const Phase& p = rp.phase;
  std::string out;
  auto add = [&](const std::string& zh_text, const std::string& en_text) { out += (zh ? "；" : "; ") + (zh ? zh_text : en_text); };
  if (!p.unconfirmed.empty()) add("待确认：" + p.unconfirmed.value, "unconfirmed: " + p.unconfirmed.value);
  if (p.approximate) add("预计", "approximate");
  if (!p.widens.empty()) add("放宽上级的时间：" + p.widens.value, "widens the parent's: " + p.widens.value);
  if (!p.opts_out.empty()) add("不参加上级的安排：" + p.opts_out.value, "opts out of the parent's: " + p.opts_out.value);
  if (!p.narrows.empty()) add("细化上级的“" + p.narrows.value + "”", "narrows the parent's '" + p.narrows.value + "'");
  return out;
}

std::string where(const Location& loc) {
  return loc.known() ? loc.file + ":" + std::to_string(loc.line) : std::string("—");
}

} // namespace

CLI::App* add_show_command(CLI::App& app, ShowRequest& r, std::string& lang) {
  CLI::App* cmd = app.add_subcommand("show", "each phase of CALENDAR with its effective dates, marks and the file:line it comes from");
  cmd->add_option("CALENDAR", r.calendar, "the id of the calendar")->required();
  cmd->add_option("-s,--source", r.source, "the project (default: the current directory)");
  cmd->add_option("--lang", lang, "language: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  return cmd;
}

int run_show(const ShowRequest& r, std::ostream& out, std::ostream& err) {
  NewRequest project;
  project.source = r.source;
  project.lang = r.lang;
  project.color = r.color;
  ProjectPaths paths;
  int rc = 0;
  auto c = compile_project(project, paths, err, rc);
  if (!c) return rc;
  bool zh = r.lang == Lang::zh;
  const ResolvedCalendar* cal = c->resolved.find(r.calendar);
  if (!cal) {
    std::vector<std::string> ids;
    for (const ResolvedCalendar& rc2 : c->resolved.calendars) ids.push_back(rc2.id());
    err << "kaowu show: " << (zh ? "没有日程“" + r.calendar + "”" : "no calendar '" + r.calendar + "'");
    if (auto help = suggest_calendar(r.calendar, ids)) err << (zh ? "：" : ": ") << (zh ? help->zh : help->en);
    err << '\n';
    return 2;
  }
  const Calendar& me = *cal->calendar;
  out << me.id.value << "  " << me.title << '\n';
  if (!me.parent.empty()) {
    out << (zh ? "上级：" : "parent: ");
    for (size_t i = 0; i < cal->ancestors.size(); ++i) out << (i ? " → " : "") << cal->ancestors[i]->id.value;
    out << '\n';
  }
  for (const ResolvedPhase& rp : cal->phases) {
    bool own = rp.defined_in == me.id.value;
    out << "  " << phase_label(rp.phase, zh) << "  " << (zh ? zh_timing(rp) : en_timing(rp)) << marks(rp, zh) << '\n';
    out << "      " << (own ? (zh ? "本日程：" : "own: ") : (zh ? "继承自 " + rp.defined_in + "：" : "inherited from " + rp.defined_in + ": "))
        << where(rp.is_exam && cal->exam ? cal->exam->loc : rp.phase.loc) << '\n';
  }
  return 0;
}

} // namespace kaowu
