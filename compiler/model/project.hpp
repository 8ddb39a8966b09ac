#pragma once
#include <map>
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
  // Ids declared by files that could not be parsed, with the file. References to them are not
  // reported again: the syntax error is the one to fix (no cascade of "does not exist").
  std::map<std::string, std::string> ids_in_broken_files;
};

} // namespace kaowu
