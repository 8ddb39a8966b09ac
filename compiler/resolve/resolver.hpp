#pragma once
#include "diag/sink.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// Links every reference (parent, catalogue, phase, specialty), gives each calendar the phases
// it inherits, and turns relative dates into concrete ones. The result points into `project`,
// which must outlive it.
ResolvedProject resolve(const Project& project, DiagnosticSink& sink);

// One calendar over its ancestors (parent first): inherited phases, the exam, the catalogue,
// relative dates. resolve() calls it for each calendar; the revision views call it again for
// the calendar as an earlier revision published it (resolve/revision_views.hpp).
ResolvedCalendar resolve_calendar(const Calendar& calendar, const std::vector<const Calendar*>& ancestors,
                                  const std::vector<ResolvedCatalogue>& catalogues, const Project& project,
                                  DiagnosticSink& sink);

// Parts of resolve, exposed for tests.
std::vector<ResolvedCatalogue> resolve_catalogues(const Project& project, DiagnosticSink& sink);
void check_unique_ids(const Project& project, DiagnosticSink& sink);

} // namespace kaowu
