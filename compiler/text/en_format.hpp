#pragma once
#include <string>
#include <vector>

#include "model/resolved.hpp"

namespace kaowu {

// Dates in English messages and reports: ISO dates, so nobody misreads 4/5 as 5 April.
std::string en_days(const std::vector<Date>& days);   // "2022-04-09, 2022-04-10"
// The timing of a resolved phase: "2022-04-01 to 2022-04-17", "by 2021-02-08", "from
// 2021-12-08", "about 2022-06-17", "to be announced".
std::string en_timing(const ResolvedPhase& phase);

} // namespace kaowu
