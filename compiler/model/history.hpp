#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/resolved.hpp"

namespace kaowu {

// What changed from one version of a calendar to the next, as a centre and a candidate read it:
// one phase, one exam batch or one exam session, with its timing before and after.
enum class ChangeKind {
  moved,     // dated before and after, on other dates
  cancelled, // no longer published at all
  added,     // not published before
  tba,       // dated before, to be announced now (待定)
  scheduled, // to be announced before, dated now
};
const char* to_string(ChangeKind kind);

struct PhaseChange {
  enum class What { phase, batch, session };
  What what = What::phase;
  std::string id;         // phase id, batch id, or "<mode>/<key>" of a session
  std::string name;       // as published (the later name when both have one)
  Audience audience = Audience::candidate;
  ChangeKind kind = ChangeKind::moved;
  std::string defined_in; // the calendar that writes it (after the change, else before)
  std::string was_zh, now_zh; // the timing as the notices write it ("" when absent)
  std::string was_en, now_en; // the same in English (ISO dates)
  std::optional<Date> was_first, was_last, now_first, now_last;
};

// One revision in force for a calendar: its own or one of a calendar above it.
struct ChainRevision {
  const Calendar* calendar = nullptr; // the calendar that issued it
  const Revision* record = nullptr;   // its [[revisions]] entry
};

// The calendar as an earlier revision published it, resolved like the current one.
struct RevisionView {
  std::vector<std::unique_ptr<Calendar>> chain; // the calendar, then its ancestors, as of then
  ResolvedCalendar resolved;
};

// A calendar's revision history: the revisions of its chain (its own and its ancestors'), in
// the order they came into force (by date, the upper level first on the same day), and the
// calendar before each of them. State s (0 … revisions.size()) is the calendar once the first s
// revisions are in force; the last state is the current calendar. A state's number is what
// pages and feeds call the revision ("第2版"): 1 + every revision of the chain in force.
struct CalendarHistory {
  std::vector<ChainRevision> revisions;
  std::vector<RevisionView> views;             // views[s]: state s, for s < revisions.size()
  std::vector<std::vector<PhaseChange>> changes; // changes[i]: what revisions[i] changed here
  int base = 1; // the number of state 0 (above 1 when a calendar raised `revision` without records)

  size_t states() const { return revisions.size() + 1; }
  int number(size_t state) const { return base + static_cast<int>(state); }
  // The calendar at `state`; `current` for the last one.
  const ResolvedCalendar& at(size_t state, const ResolvedCalendar& current) const {
    return state < views.size() ? views[state].resolved : current;
  }
  // The state in force on `day`: every revision issued on or before it.
  size_t state_on(Date day) const;
  // The state whose number is `number`, or nothing.
  std::optional<size_t> state_numbered(int number) const;
  // The date state `state` came into force (the revision's issue date); nothing for state 0.
  std::optional<Date> date_of(size_t state) const;
};

} // namespace kaowu
