#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/resolved.hpp"

namespace kaowu {

// How rules.toml names phases: by kind ("payment"), by kind and the level that does a staff
// phase ("audit@region"), "exam" for the exam itself, or, as older rule files did, by a phase id
// that is no kind's name.
struct PhaseSelector {
  std::string name;
  std::optional<Level> level;
  bool valid_level = true; // false when the text after '@' is no level
};

PhaseSelector parse_selector(const std::string &text);
bool matches(const ResolvedPhase &phase, const PhaseSelector &selector);
// The phases of `calendar` the selector names, in the calendar's date order.
std::vector<const ResolvedPhase *> select(const ResolvedCalendar &calendar, const std::string &selector);

} // namespace kaowu
