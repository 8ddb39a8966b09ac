#pragma once
#include <optional>
#include <string>

#include "model/resolved.hpp"

namespace kaowu {

// The first and last day of a resolved phase together with where that day is written, so a
// finding points at the value to change. A bound exists only where the source states it: a
// deadline has no start, a window open to the end (`end_tba`) has no end, and dates computed
// from approximate wording (考后两个月) are not facts to check against unless asked for
// (`approximate_too`: "about two months after the exam" is still after the exam).
std::optional<DateAt> start_of(const ResolvedPhase& p, const ResolvedCalendar& c, bool approximate_too = false);
std::optional<DateAt> end_of(const ResolvedPhase& p, const ResolvedCalendar& c, bool approximate_too = false);

// Where an exam day is written: the first `days` entry of [exam] or of a batch that holds it.
Location exam_day_location(const ResolvedCalendar& c, Date day);

// "2023-12-01–2023-12-14", "2024-01-04", "from 2021-12-08", "until 2021-02-08".
std::string span_text(const std::optional<DateAt>& start, const std::optional<DateAt>& end, bool zh);

// True when the calendar itself wrote this phase (not inherited): findings are reported once,
// in the calendar where the value can be changed.
inline bool own(const ResolvedPhase& p, const ResolvedCalendar& c) { return p.defined_in == c.id(); }

} // namespace kaowu
