#include "scaffold/new_calendar.hpp"

#include "scaffold/toml_text.hpp"

namespace kaowu {
namespace {

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

// The timing keys to fill in, of the parent's kind: never the parent's dates, which would be a
// copy that stays behind when the parent moves.
std::string timing_keys(const Timing& t) {
  switch (t.kind) {
  case TimingKind::window: return "start = 【开始日期】\nend = 【结束日期】\n";
  case TimingKind::from: return "start = 【开始日期】\nend_tba = \"截止日期未公布\"\n";
  case TimingKind::deadline: return "deadline = 【截止日期】\n";
  case TimingKind::days: return "days = [【日期】]\n";
  default: return {};
  }
}

// Every line of `text` commented out.
std::string commented(const std::string& text) {
  std::string out;
  size_t from = 0;
  while (from < text.size()) {
    size_t end = text.find('\n', from);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(from, end - from);
    out += line.empty() ? "#\n" : "# " + line + "\n";
    from = end + 1;
  }
  return out;
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

// A phase of the parent, as a reference: the calendar inherits it as long as the block stays
// commented out (and so follows the parent when it moves, marks included); uncommented and
// filled in, it is this calendar's own narrowing.
std::string phase_block(const ResolvedPhase& rp, const std::string& parent_id, Level level) {
  const Phase& p = rp.phase;
  std::string out = "# ── " + p.name + "（" + p.id.value + "）：沿用上级 " + parent_id + " 的安排";
  if (!p.unconfirmed.empty()) out += "（上级标为待确认）";
  out += "。\n#    本" + std::string(level_word(level)) + "另有安排时，去掉下面各行行首的“# ”，写上本通知的日期（只能收窄：" +
         narrowing_rule(p.timing.kind) + "），source 写本通知的章节。\n";
  std::string block = "[[phases]]\n";
  block += "id = " + toml_string(p.id.value) + "\n";
  if (p.kind_written) {
    if (p.kinds.size() == 1) block += "kind = " + toml_string(p.kinds.front()) + "\n";
    else {
      block += "kind = [";
      for (size_t i = 0; i < p.kinds.size(); ++i) block += (i ? ", " : "") + toml_string(p.kinds[i]);
      block += "]\n";
    }
  }
  if (p.staff_level) block += "level = " + toml_string(to_string(*p.staff_level)) + "\n";
  block += "name = " + toml_string(p.name) + "\n";
  block += "audience = " + toml_string(to_string(p.audience)) + "\n";
  if (p.form != Form::unspecified) block += "form = " + toml_string(to_string(p.form)) + "\n";
  if (p.closed_on_holidays) block += "closed_on_holidays = true\n";
  block += timing_keys(p.timing);
  if (level == Level::site && p.form == Form::in_person) {
    block += "hours = [\"09:00-11:30\", \"13:30-16:30\"]   # 办理时间\n";
    block += "place = \"【办理地点】\"\n";
  }
  block += "source = { section = \"【本通知的章节】\" }\n";
  if (level == Level::site && p.form == Form::in_person && p.timing.kind == TimingKind::window) {
    block += "\n# 按天安排：每天接待哪些单位（可选；日期须在本阶段之内），每天一项：\n";
    block += "[[phases.slots]]\n";
    block += "date = 【日期】\n";
    block += "who = \"【当天办理的单位】\"\n";
  }
  return out + commented(block);
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
  out += "# 2. 上级的每个阶段都原样继承：本文件不抄写上级的日期，上级改期时本日程随之改变，\n";
  out += "#    待确认等标记也一并继承。本级另有安排的阶段，按下面注释掉的模板写出本通知的日期；\n";
  out += "#    下级只能在上级规定的时间内收窄，不能放宽（否则 kaowu check 报 KW0203）。\n";
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
