#pragma once
#include <vector>

#include "diag/sink.hpp"
#include "model/notice.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// Dates that only exist after resolution: a phase counted from another (`after`, 考后两个月) and
// a per-batch task's deadline. Each outside the years kaowu publishes (load/domain_limits.hpp)
// is reported once, at the key that computes it; so are notices dated outside them.
void check_dates_in_range(const ResolvedProject& project, const std::vector<Notice>& notices, DiagnosticSink& sink);

} // namespace kaowu
