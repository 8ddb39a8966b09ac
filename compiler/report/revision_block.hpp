#pragma once
#include <string>
#include <vector>

#include "model/history.hpp"

namespace kaowu {

// The [[revisions]] entry a centre pastes into `after` (a calendar file) once it changed the dates
// that `before` (the same calendar as published) had: what each change replaced, as `before`
// wrote it, for the phases, exam days, batches and sessions `after` itself writes. What moved only
// because a calendar above moved or a relative date followed its anchor needs no record (the
// history derives it), so it is left out. `issued` and `title` are left for the centre: the block
// does not load until they are written, so no invented date is ever published.
std::string revision_block(const Calendar& before, const Calendar& after, const std::vector<PhaseChange>& changes);

} // namespace kaowu
