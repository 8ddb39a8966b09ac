#include "scaffold/new_calendar.hpp"

#include "scaffold/toml_text.hpp"

namespace kaowu {
namespace {

// The parent's dates as the comment above a pre-filled phase states them.
std::string parent_dates(const Timing& t) {
  switch (t.kind) {
  case TimingKind::window: return t.start.date.iso() + " 至 " + t.end.date.iso();
  case TimingKind::from: return t.start.date.iso() + " 起";
  case TimingKind::deadline: return t.end.date.iso() + " 前";
  case TimingKind::days: {
    std::string out;
    for (const DateAt& d : t.days) out += (out.empty() ? "" : "、") + d.date.iso();
    return out;
  }
  default: return {};
  }
}

// What narrowing means for each timing.
const char* narrowing_rule(TimingKind k) {
  switch (k) {
  case TimingKind::window: return "开始不早于、结束不晚于上级";
  case TimingKind::from: return "开始不早于上级";
  case TimingKind::deadline: return "截止不晚于上级";
  case TimingKind::days: return "只能从上级的日期中选";
  default: return "";
  }
}

std::string timing_keys(const Timing& t) {
  switch (t.kind) {
  case TimingKind::window: return "start = " + t.start.date.iso() + "\nend = " + t.end.date.iso() + "\n";
  case TimingKind::from:
    return "start = " + t.start.date.iso() + "\nend_tba = " + toml_string(t.open_note.empty() ? "截止日期未公布" : t.open_note) + "\n";
  case TimingKind::deadline: return "deadline = " + t.end.date.iso() + "\n";
  case TimingKind::days: {
    std::string out = "days = [";
    for (size_t i = 0; i < t.days.size(); ++i) out += (i ? ", " : "") + t.days[i].date.iso();
    return out + "]\n";
  }
  default: return {};
  }
}

// A phase a calendar of `level` may narrow: one with dates of its own (not to be announced, not counted
// from another phase, not the exam or a per-batch task, not one the parent opts out of).
// A staff task of a higher level (a region's report to the nation) is not the lower level's.
bool narrowable(const ResolvedPhase& p, Level level) {
  if (p.phase.staff_level && static_cast<int>(*p.phase.staff_level) < static_cast<int>(level)) return false;
  if (p.is_exam || !p.batch_id.empty() || p.tba || p.phase.takes_no_part) return false;
  switch (p.phase.timing.kind) {
  case TimingKind::window:
  case TimingKind::from:
  case TimingKind::deadline: return true;
  case TimingKind::days: return !p.phase.timing.days.empty();
  default: return false;
  }
}

const char* level_word(Level l) { return l == Level::site ? "考点" : l == Level::region ? "考区" : "全国"; }

std::string phase_block(const ResolvedPhase& rp, const std::string& parent_id, Level level) {
  const Phase& p = rp.phase;
  std::string out = "[[phases]]\n";
  out += "id = " + toml_string(p.id.value) + "\n";
  if (p.kind_written) {
    if (p.kinds.size() == 1) out += "kind = " + toml_string(p.kinds.front()) + "\n";
    else {
      out += "kind = [";
      for (size_t i = 0; i < p.kinds.size(); ++i) out += (i ? ", " : "") + toml_string(p.kinds[i]);
      out += "]\n";
    }
  }
  if (p.staff_level) out += "level = " + toml_string(to_string(*p.staff_level)) + "\n";
  out += "name = " + toml_string(p.name) + "\n";
  out += "audience = " + toml_string(to_string(p.audience)) + "\n";
  if (p.form != Form::unspecified) out += "form = " + toml_string(to_string(p.form)) + "\n";
  if (p.closed_on_holidays) out += "closed_on_holidays = true\n";
  out += "# 上级 " + parent_id + "：" + parent_dates(p.timing) + "。只能收窄（" + narrowing_rule(p.timing.kind) +
         "），不能放宽；改为本" + level_word(level) + "通知的日期，并把 source 改为本通知的章节\n";
  out += timing_keys(p.timing);
  if (level == Level::site && p.form == Form::in_person) {
    out += "# hours = [\"09:00-11:30\", \"13:30-16:30\"]   # 办理时间\n";
    out += "# place = \"【办理地点】\"\n";
  }
  if (std::string source = toml_source(p.source); !source.empty()) out += "source = " + source + "\n";
  if (level == Level::site && p.form == Form::in_person && p.timing.kind == TimingKind::window) {
    std::string day = p.timing.start.date.iso();
    out += "\n# 按天安排：每天接待哪些单位（可选；日期须在本阶段之内）。去掉行首的 # 即可启用，每天一项：\n";
    out += "# [[phases.slots]]\n";
    out += "# date = " + day + "\n";
    out += "# who = \"【当天办理的单位】\"\n";
    out += "# hours = [\"09:00-11:30\", \"13:30-16:30\"]\n";
  }
  return out;
}

} // namespace

std::string new_calendar_text(const ResolvedCalendar& parent, Level level, const std::string& id) {
  const Calendar& pc = *parent.calendar;
  const char* kind_word = level == Level::site ? "site" : "region";
  std::string out;
  out += "# " + id + "：" + level_word(level) + "日程，细化上级日程 " + pc.id.value + "（" + pc.title + "）。\n";
  out += "# 由 `kaowu new " + std::string(kind_word) + " " + pc.id.value + " " + id + "` 生成。格式说明见 calendars/README.md。\n";
  out += "#\n";
  out += "# 1. 填写 [calendar]：本" + std::string(level_word(level)) + "通知的标题、发布机构、文号和来源";
  out += level == Level::site ? "；再填写 [site]。\n" : "。\n";
  out += "# 2. 下面每个阶段都预先填入了上级的时间。下级只能在上级规定的时间内收窄，不能放宽\n";
  out += "#    （否则 kaowu check 报 KW0203）。请改为本通知的日期；不作调整的阶段可整段删除，\n";
  out += "#    届时沿用上级的安排。\n";
  out += "# 3. 每次修改后运行 `kaowu check`，或用 `kaowu serve` 在浏览器中随改随看。\n\n";

  out += "[calendar]\n";
  out += "id = " + toml_string(id) + "\n";
  out += "level = \"" + std::string(kind_word) + "\"\n";
  out += "title = \"【本" + std::string(level_word(level)) + "通知的标题】\"\n";
  out += "issuer = \"【发布机构】\"\n";
  out += "# document = \"【文号】\"\n";
  out += "# issued = " + (parent.calendar->issued ? parent.calendar->issued->date.iso() : std::string("2024-01-01")) + "   # 发布日期\n";
  out += "exam_year = " + std::to_string(pc.exam_year) + "\n";
  out += "track = " + toml_string(pc.track) + "\n";
  out += "parent = " + toml_string(pc.id.value) + "\n";
  if (parent.catalogue) out += "catalogue = " + toml_string(parent.catalogue->catalogue->id.value) + "\n";
  else out += "# catalogue = \"【专业目录 id，见 calendars/catalogues/】\"\n";
  if (!pc.region.empty()) out += "region = " + toml_string(pc.region) + "\n";
  else out += "# region = \"【省份或城市】\"\n";
  out += "# url = \"https://【通知的网址】\"\n\n";
  out += "# 本日程所依据的通知。各阶段改为本通知的日期后，其 source 只需写章节：source = { section = \"二（一）\" }\n";
  out += "[calendar.source]\n";
  out += "issuer = \"【发布机构】\"\n";
  out += "# number = \"【文号】\"\n";
  out += "# date = 2024-01-01   # 发文日期\n";
  out += "title = \"【通知标题】\"\n\n";

  if (level == Level::site) {
    out += "[site]\n";
    out += "name = \"【考点名称】\"\n";
    out += "address = \"【考点地址】\"\n";
    out += "contact = \"【咨询电话】\"\n\n";
  }

  bool any = false;
  for (const ResolvedPhase& p : parent.phases) {
    if (!narrowable(p, level)) continue;
    out += phase_block(p, pc.id.value, level) + "\n";
    any = true;
  }
  if (!any) out += "# 上级日程没有给出具体日期的阶段，暂无可收窄的内容。\n";
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

} // namespace kaowu
