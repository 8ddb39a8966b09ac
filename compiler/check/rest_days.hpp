#pragma once
#include <string>

#include "model/resolved.hpp"

namespace kaowu {

// Whether a day is a rest day, by the holiday files when they cover its year and by the weekday
// alone when they do not (then `known` is false: the check stage reports the year, KW0222).
struct RestDay {
  bool rest = false;
  bool known = true;
  std::string why_en; // "Saturday", "春节", "a 调休 working Sunday"
  std::string why_zh;
};

RestDay rest_day(const ResolvedProject& project, Date day);

} // namespace kaowu
