#pragma once
#include <set>
#include <string>

#include "diag/sink.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// Checks every calendar's [[revisions]]: each revision from 2 to `revision` recorded once, in
// date order, each record naming what the calendar had at that revision (or recording whole
// what the revision dropped), and changing something. Returns the ids of the calendars whose
// records have errors: they get no history.
std::set<std::string> check_revision_records(const ResolvedProject& project, DiagnosticSink& sink);

} // namespace kaowu
