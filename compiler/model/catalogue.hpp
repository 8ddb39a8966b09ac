#pragma once
#include <string>
#include <vector>

#include "model/calendar.hpp"

namespace kaowu {

struct LevelRange {
  Text id;
  std::string name;
  int lowest_code = 0;
  int highest_code = 0;
  Location loc;
};

struct Specialty {
  Text code;
  std::string name;
  Text level;
  ExamMode mode = ExamMode::cbt;
  std::string licence;
  Location loc;
};

struct Removal {
  std::vector<Text> codes;
  std::string into;
  Source source;
  Location loc;
};

struct Catalogue {
  Text id;
  int year = 0;
  std::string track;
  Text base;
  Source source;
  std::vector<LevelRange> levels;
  std::vector<Specialty> specialties;
  std::vector<Removal> removed;
  std::string file;
  Location loc;
};

} // namespace kaowu
