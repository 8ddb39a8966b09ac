#pragma once
#include "diag/sink.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// Links every reference (parent, catalogue, phase, specialty), gives each calendar the phases
// it inherits, and turns relative dates into concrete ones. The result points into `project`,
// which must outlive it.
ResolvedProject resolve(const Project& project, DiagnosticSink& sink);

// Parts of resolve, exposed for tests.
std::vector<ResolvedCatalogue> resolve_catalogues(const Project& project, DiagnosticSink& sink);
void check_unique_ids(const Project& project, DiagnosticSink& sink);

} // namespace kaowu
