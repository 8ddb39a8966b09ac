#include "scaffold/new_notice.hpp"


namespace kaowu {

std::string new_notice_text(const ResolvedCalendar& c, Date today) {
  std::string out = "+++\n";
  out += "# 由 `kaowu new notice` 生成。正文中不要手写日期：用占位符（两层花括号括起的 phase.registration 等）\n";
  out += "# 引用日程中的值，日程改了，通知随之改变。可用的占位符见 docs/site.md。\n";
  out += "title = \"【通知标题】\"\n";
  out += "date = " + today.iso() + "   # 通知的发布日期\n";
  out += "+++\n\n";
  out += "各有关单位及考生：\n\n";
  out += "现将{{calendar.title}}的时间安排通知如下。\n\n";
  out += "| 事项 | 时间 |\n|---|---|\n";
  bool staff = false;
  for (const ResolvedPhase& p : c.phases) {
    if (p.is_exam || !p.batch_id.empty() || p.phase.takes_no_part) continue;
    if (p.phase.audience == Audience::staff) {
      staff = true;
      continue;
    }
    const std::string& id = p.phase.id.value;
    out += "| {{phase." + id + ".name}} | {{phase." + id + "}} |\n";
  }
  if (!c.exam_days.empty()) out += "| 考试 | {{exam.days}} |\n";
  if (staff) {
    out += "\n## 考务工作安排\n\n| 事项 | 时间 |\n|---|---|\n";
    for (const ResolvedPhase& p : c.phases) {
      if (p.is_exam || !p.batch_id.empty() || p.phase.takes_no_part || p.phase.audience != Audience::staff) continue;
      const std::string& id = p.phase.id.value;
      out += "| {{phase." + id + ".name}} | {{phase." + id + "}} |\n";
    }
  }
  if (c.exam && !c.exam->sessions.empty()) out += "\n## 考试时间\n\n{{exam.timetable}}\n";
  return out;
}

} // namespace kaowu
