#pragma once
#include "diag/sink.hpp"
#include "model/history.hpp"

namespace kaowu {

// The calendar as revision `revision` published it: the current calendar with the records of
// every later revision ([[revisions]]) written back over it, latest first. Records are published
// facts, so this is exact for what they record; what no record mentions is as it is now.
Calendar calendar_as_of(const Calendar& current, int revision);

// Gives every resolved calendar whose chain (itself and the calendars above it) records a
// revision its history (model/history.hpp): each earlier state resolved, and what each revision
// changed. Calendars whose records have errors (`broken`, by id) get none; the run stops anyway.
void attach_histories(ResolvedProject& project, const Project& input, const std::set<std::string>& broken);

} // namespace kaowu
