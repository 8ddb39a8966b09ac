#pragma once
#include <string>

#include "model/date.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// `kaowu new notice CALENDAR NAME`: a notice of `calendar` dated `today` that names every phase
// the calendar publishes (its own and those it inherits) by placeholder, never by a typed date,
// and the exam days and timetable when it has them. It passes `kaowu check` as written.
std::string new_notice_text(const ResolvedCalendar& calendar, Date today);

} // namespace kaowu
