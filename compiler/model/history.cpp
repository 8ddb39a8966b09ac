#include "model/history.hpp"

namespace kaowu {

const char* to_string(ChangeKind k) {
  switch (k) {
  case ChangeKind::moved: return "moved";
  case ChangeKind::cancelled: return "cancelled";
  case ChangeKind::added: return "added";
  case ChangeKind::tba: return "tba";
  case ChangeKind::scheduled: return "scheduled";
  }
  return "?";
}

size_t CalendarHistory::state_on(Date day) const {
  size_t state = 0;
  for (const ChainRevision& r : revisions)
    if (r.record->issued && r.record->issued->date <= day) ++state;
  return state;
}

std::optional<size_t> CalendarHistory::state_numbered(int n) const {
  if (n < base || n >= base + static_cast<int>(states())) return std::nullopt;
  return static_cast<size_t>(n - base);
}

std::optional<Date> CalendarHistory::date_of(size_t state) const {
  if (state == 0 || state > revisions.size() || !revisions[state - 1].record->issued) return std::nullopt;
  return revisions[state - 1].record->issued->date;
}

} // namespace kaowu
