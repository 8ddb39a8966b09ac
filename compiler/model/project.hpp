#pragma once
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/catalogue.hpp"
#include "model/holidays.hpp"
#include "model/rules.hpp"

namespace kaowu {

// Everything read from one calendars directory, before resolution.
struct Project {
  std::string root;
  std::vector<Calendar> calendars;
  std::vector<Catalogue> catalogues;
  std::vector<HolidayYear> holidays;
  std::vector<RuleSpec> rules;
  bool has_rules_file = false;
};

} // namespace kaowu
