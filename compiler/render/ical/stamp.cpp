#include "render/ical/stamp.hpp"

#include "model/history.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace kaowu {

int feed_sequence(const ResolvedCalendar& rc) {
  int sequence = rc.calendar->revision - 1;
  for (const Calendar* a : rc.ancestors) sequence += a->revision - 1;
  return sequence;
}

int64_t day_stamp(Date day) { return int64_t{day.days_since_epoch()} * 86400 - 8 * 3600; }

int64_t feed_dtstamp(const ResolvedCalendar& rc, std::optional<int64_t> source_date_epoch) {
  int64_t stamp = first_publication_stamp(rc, source_date_epoch);
  // A revision is a new publication: its date, when it is the newest.
  if (rc.history)
    for (const ChainRevision& r : rc.history->revisions)
      if (r.record->issued) stamp = std::max(stamp, day_stamp(r.record->issued->date));
  return stamp;
}

int64_t first_publication_stamp(const ResolvedCalendar& rc, std::optional<int64_t> source_date_epoch) {
  std::optional<Date> newest;
  auto consider = [&newest](const Calendar& c) {
    if (c.issued && (!newest || c.issued->date > *newest)) newest = c.issued->date;
  };
  consider(*rc.calendar);
  for (const Calendar* a : rc.ancestors) consider(*a);
  if (!newest && source_date_epoch) return *source_date_epoch;
  // Without either, the earliest date the calendar publishes (a notice comes out before its
  // first window opens), else 1 January of the year before the exam year: never 1970.
  if (!newest)
    for (const ResolvedPhase& p : rc.phases) {
      std::optional<Date> day = p.first ? p.first : p.last;
      if (day && !p.tba && (!newest || *day < *newest)) newest = day;
    }
  if (!newest) newest = Date::from_ymd(rc.calendar->exam_year > 1900 ? rc.calendar->exam_year - 1 : 2000, 1, 1);
  return day_stamp(*newest);
}

std::optional<int64_t> parse_source_date_epoch(const char* text) {
  if (!text || !*text) return std::nullopt;
  int64_t value = 0;
  const char* end = text + std::strlen(text);
  auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end || value < 0) return std::nullopt;
  return value;
}

} // namespace kaowu
