#pragma once
#include <string>
#include <vector>

#include "model/calendar.hpp"

namespace kaowu {

struct HolidayBreak {
  std::string name;
  DateAt start;
  DateAt end;
  std::vector<DateAt> workdays; // weekend days worked in exchange (调休上班)
  Location loc;
};

struct HolidayYear {
  int year = 0;
  Source source; // the State Council's notice of that year
  std::vector<HolidayBreak> breaks;
  std::string file;
  Location loc;
};

} // namespace kaowu
