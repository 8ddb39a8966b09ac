#pragma once
#include <string>

#include "model/resolved.hpp"

namespace kaowu {

// `kaowu new region PARENT ID` and `kaowu new site PARENT ID`: the text of a calendar of `level`
// (region or site) that narrows `parent`. Each phase of the parent with dates of its own comes
// pre-filled with the parent's window, its source and a comment that it may only be narrowed; a
// site also gets its [site] (name, address, contact) and, for in-person phases, a day-by-day
// slot table to fill in. The text passes `kaowu check` as written: the centre then narrows it.
std::string new_calendar_text(const ResolvedCalendar& parent, Level level, const std::string& id);

} // namespace kaowu
