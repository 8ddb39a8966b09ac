#pragma once
#include <vector>

#include "model/history.hpp"

namespace kaowu {

// What changed from `before` to `after` (two versions of one calendar): every phase whose dates
// changed, appeared or went, then every exam batch and session, in the order of `after` (the
// ones it no longer has after those of `before`). Only dates and times count: a reworded note
// is no change a candidate must be told of.
std::vector<PhaseChange> diff_calendars(const ResolvedCalendar& before, const ResolvedCalendar& after);

} // namespace kaowu
