#include "text/fee_text.hpp"

#include <cstdio>

namespace kaowu {
namespace {

std::string amount_text(double amount) {
  long long whole = static_cast<long long>(amount);
  if (static_cast<double>(whole) == amount) return std::to_string(whole);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", amount);
  return buf;
}

const char *unit_word(FeeUnit u) {
  switch (u) {
  case FeeUnit::subject:
    return "科";
  case FeeUnit::person:
    return "人";
  case FeeUnit::exam:
    return "次";
  }
  return "";
}

} // namespace

std::string fee_text(const Fee &f) {
  std::string out = amount_text(f.amount) + "元/" + (f.per.empty() ? unit_word(f.unit) : f.per);
  if (f.mode == FeeMode::paper) out += "（纸笔作答）";
  if (f.mode == FeeMode::cbt) out += "（人机对话）";
  return out;
}

std::string fee_name(const Fee &f) {
  if (!f.name.empty()) return f.name;
  switch (f.kind) {
  case FeeKind::exam:
    return "考试费";
  case FeeKind::registration:
    return "报名费";
  case FeeKind::other:
    return "费用";
  }
  return "费用";
}

std::string fee_scope_text(const Fee &f, const ResolvedCatalogue *catalogue) {
  if (!f.applies_to.empty()) return f.applies_to;
  std::string levels, specialties;
  for (const Text &l : f.levels) {
    std::string name = l.value;
    if (catalogue)
      for (const LevelRange &r : catalogue->levels)
        if (r.id.value == l.value) name = r.name;
    levels += (levels.empty() ? "" : "、") + name;
  }
  for (const Text &code : f.specialties) {
    const Specialty *s = catalogue ? catalogue->find(code.value) : nullptr;
    specialties += (specialties.empty() ? "" : "、") + code.value + (s ? " " + s->name : std::string());
  }
  if (!levels.empty() && !specialties.empty()) return levels + "；" + specialties;
  if (!levels.empty()) return levels;
  if (!specialties.empty()) return specialties;
  return f.unit == FeeUnit::person ? "所有考生" : "所有专业";
}

const std::vector<Fee> &fees_of(const ResolvedCalendar &cal) {
  const std::vector<Fee> *fees = &cal.calendar->fees;
  for (const Calendar *a : cal.ancestors)
    if (fees->empty()) fees = &a->fees;
  return *fees;
}

} // namespace kaowu
