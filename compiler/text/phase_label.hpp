#pragma once
#include <string>

#include "model/calendar.hpp"

namespace kaowu {

// How a message names a phase: by the name the notice gives it, with the id after it, so a centre
// recognises it and can still find it in the file: “现场确认”（confirmation） in Chinese,
// '现场确认' (confirmation) in English. A phase whose name is its id (or that has none) is
// named by the id alone: “registration”, 'registration'.
std::string phase_label(const std::string& name, const std::string& id, bool zh);
inline std::string phase_label(const Phase& p, bool zh) { return phase_label(p.name, p.id.value, zh); }

// Any other text quoted as messages quote it: “…” in Chinese, '…' in English.
std::string quoted(const std::string& text, bool zh);

} // namespace kaowu
