#pragma once
#include "diag/sink.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// Runs the built-in checks and the rules of rules.toml over a resolved project.
void check(const ResolvedProject& project, DiagnosticSink& sink);

// Built in, whatever rules.toml says: every window has start <= end.
void check_window_order(const ResolvedProject& project, DiagnosticSink& sink);

// Built in: a day-by-day slot (Fengtai's one unit type a day) lies inside its phase.
void check_slot_dates(const ResolvedProject& project, DiagnosticSink& sink);

} // namespace kaowu
