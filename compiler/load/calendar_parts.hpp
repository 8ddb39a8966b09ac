#pragma once
#include <set>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "model/calendar.hpp"

namespace toml {
inline namespace v3 {
class table;
}
} // namespace toml

namespace kaowu {

class TableReader;

// The readers of a calendar's parts, shared by [[phases]] and [exam] and by the records of
// [[revisions]]. In a record (`record`) only the keys that changed are written, so nothing but the
// identifying keys is required.
Phase read_phase(const toml::table& table, DiagnosticSink& sink, bool record);
Batch read_batch(const toml::table& table, DiagnosticSink& sink, bool record);
Session read_session(const toml::table& table, DiagnosticSink& sink, bool record);
// Whether a phase table with these keys writes the phase's timing (a window, a deadline, days,
// a relative date or tba): one list for [[phases]] and for the records of [[revisions]].
bool writes_timing(const std::set<std::string>& keys);
// The keys feed UIDs come from: the id, else the subject's key, else "sitting-N".
void derive_session_keys(std::vector<Session>& sessions);

// [[revisions]] of a calendar file (load/revision_loader.cpp).
std::vector<Revision> read_revisions(TableReader& top, DiagnosticSink& sink);

} // namespace kaowu
