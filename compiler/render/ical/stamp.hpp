#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "model/resolved.hpp"

namespace kaowu {

// What makes two builds of the same input byte-identical and lets subscribers see changes.

// SEQUENCE of every event of a calendar's feeds: the sum of (revision - 1) over the calendar and
// its ancestors. It is 0 for a first publication and rises whenever the calendar or any calendar
// it inherits from raises its revision (a corrected or postponed calendar).
int feed_sequence(const ResolvedCalendar& calendar);

// DTSTAMP in seconds since the Unix epoch: 00:00 Asia/Shanghai of the newest `issued` date among
// the calendar and its ancestors and of the revisions they record ([[revisions]]); without one,
// SOURCE_DATE_EPOCH when given; otherwise 00:00 of the earliest date the calendar publishes, or
// of 1 January of the year before its exam year when it publishes none. Never the wall clock,
// never 1970.
int64_t feed_dtstamp(const ResolvedCalendar& calendar, std::optional<int64_t> source_date_epoch);
// The same, leaving the revisions out: when the calendar was first published (the
// LAST-MODIFIED of an event no revision changed).
int64_t first_publication_stamp(const ResolvedCalendar& calendar, std::optional<int64_t> source_date_epoch);
// 00:00 Asia/Shanghai of `day`, in seconds since the epoch.
int64_t day_stamp(Date day);

// SOURCE_DATE_EPOCH as reproducible builds define it (decimal seconds), or nothing when it is
// unset or not a number.
std::optional<int64_t> parse_source_date_epoch(const char* text);

} // namespace kaowu
