// Kind `catalogue-fit`: every specialty code fits its level's code range, every specialty
// assigned to a batch is examined in that batch's mode, and a calendar names the catalogue of
// its own exam year. (Codes missing from the catalogue or removed that year are reported by the
// resolver: KW0106, KW0107.)
#include <charconv>

#include "check/rule_kind.hpp"

namespace kaowu {
namespace {

const char *mode_zh(ExamMode m) {
  return m == ExamMode::cbt ? "人机对话" : "纸笔作答";
}

// The catalogue the calendar names (each catalogue is judged once: findings are reported once).
void check_levels(RuleContext &ctx) {
  if (!ctx.calendar.catalogue) return;
  const ResolvedCatalogue &rc = *ctx.calendar.catalogue;
  for (const Specialty &s : rc.catalogue->specialties) {
    int code = 0;
    const std::string &text = s.code.value;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
    if (ec != std::errc() || end != text.data() + text.size()) continue;
    for (const LevelRange &level : rc.levels) {
      if (level.id.value != s.level.value) continue;
      if (code >= level.lowest_code && code <= level.highest_code) break;
      if (Diagnostic *d = ctx.report(
              DiagKind::code_outside_level, s.code.loc,
              {text, level.id.value, std::to_string(level.lowest_code), std::to_string(level.highest_code)}))
        add_note(*d, level.loc, "the level's code range", "该级别的代码范围");
      break;
    }
  }
}

void check_modes(RuleContext &ctx) {
  const ResolvedCalendar &c = ctx.calendar;
  if (!c.catalogue || !c.calendar->exam.present) return;
  const std::string &cat = c.catalogue->catalogue->id.value;
  for (const Batch &b : c.calendar->exam.batches)
    for (const Text &code : b.specialties) {
      const Specialty *s = c.catalogue->find(code.value);
      if (!s || s->mode == b.mode) continue;
      if (Diagnostic *d =
              ctx.report(DiagKind::mode_mismatch, code.loc,
                         {code.value + " " + s->name, to_string(s->mode), cat, b.id.value, to_string(b.mode)},
                         {code.value + " " + s->name, mode_zh(s->mode), cat, b.id.value, mode_zh(b.mode)}))
        add_note(*d, s->loc, "the catalogue entry", "专业目录中的条目");
    }
}

void check_years(RuleContext &ctx) {
  const ResolvedCalendar &c = ctx.calendar;
  const Calendar &cal = *c.calendar;
  if (cal.catalogue.empty() || !c.catalogue || cal.exam_year == 0) return;
  const Catalogue &cat = *c.catalogue->catalogue;
  if (cat.year == 0 || cat.year == cal.exam_year) return;
  if (Diagnostic *d = ctx.report(DiagKind::catalogue_year, cal.catalogue.loc,
                                 {std::to_string(cal.exam_year), cat.id.value, std::to_string(cat.year)}))
    add_note(*d, cat.loc, "the catalogue", "专业目录");
}

void run(RuleContext &ctx) {
  check_levels(ctx);
  check_modes(ctx);
  if (ctx.params.boolean("same_year", true)) check_years(ctx);
}

} // namespace

RuleKind catalogue_fit_rule() {
  return {"catalogue-fit", {{"same_year", ParamType::boolean, false}}, run};
}

} // namespace kaowu
