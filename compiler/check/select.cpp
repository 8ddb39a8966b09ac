#include "check/select.hpp"

#include "model/phase_kinds.hpp"

namespace kaowu {

PhaseSelector parse_selector(const std::string &text) {
  PhaseSelector s;
  size_t at = text.find('@');
  s.name = text.substr(0, at);
  if (at != std::string::npos) {
    std::string level = text.substr(at + 1);
    if (level == "site")
      s.level = Level::site;
    else if (level == "region")
      s.level = Level::region;
    else if (level == "national" || level == "nation")
      s.level = Level::national;
    else
      s.valid_level = false;
  }
  return s;
}

bool matches(const ResolvedPhase &p, const PhaseSelector &s) {
  if (s.level && p.phase.staff_level != s.level) return false;
  if (s.name == kExamKind) return p.is_exam;
  if (is_phase_kind(s.name)) return p.has_kind(s.name);
  return !p.is_exam && p.phase.id.value == s.name;
}

std::vector<const ResolvedPhase *> select(const ResolvedCalendar &c, const std::string &text) {
  PhaseSelector s = parse_selector(text);
  std::vector<const ResolvedPhase *> out;
  for (const ResolvedPhase &p : c.phases)
    if (matches(p, s)) out.push_back(&p);
  return out;
}

} // namespace kaowu
