#include "check/phase_dates.hpp"

namespace kaowu {

namespace {
// A window that ends before it starts is reported once, by the built-in check (KW0200); its
// dates are not used to judge anything else.
bool reversed(const Timing& t) { return t.kind == TimingKind::window && t.end.date < t.start.date; }
} // namespace

Location exam_day_location(const ResolvedCalendar& c, Date day) {
  if (!c.exam) return {};
  for (const DateAt& d : c.exam->days)
    if (d.date == day) return d.loc;
  for (const Batch& b : c.exam->batches)
    for (const DateAt& d : b.days)
      if (d.date == day) return d.loc;
  return c.exam->loc;
}

std::optional<DateAt> start_of(const ResolvedPhase& p, const ResolvedCalendar& c, bool approximate_too) {
  if (p.is_exam) {
    if (c.exam_days.empty()) return std::nullopt;
    return DateAt{c.exam_days.front(), exam_day_location(c, c.exam_days.front())};
  }
  const Timing& t = p.phase.timing;
  if (reversed(t)) return std::nullopt;
  switch (t.kind) {
  case TimingKind::window:
  case TimingKind::from: return t.start;
  case TimingKind::days:
    if (t.days.empty()) return std::nullopt;
    return t.days.front();
  case TimingKind::relative:
    if ((p.phase.approximate && !approximate_too) || !p.first) return std::nullopt;
    return DateAt{*p.first, t.after.phase.loc.known() ? t.after.phase.loc : t.loc};
  case TimingKind::deadline:
  case TimingKind::tba: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<DateAt> end_of(const ResolvedPhase& p, const ResolvedCalendar& c, bool approximate_too) {
  if (p.is_exam) {
    if (c.exam_days.empty()) return std::nullopt;
    return DateAt{c.exam_days.back(), exam_day_location(c, c.exam_days.back())};
  }
  const Timing& t = p.phase.timing;
  if (reversed(t)) return std::nullopt;
  switch (t.kind) {
  case TimingKind::window:
  case TimingKind::deadline: return t.end;
  case TimingKind::days:
    if (t.days.empty()) return std::nullopt;
    return t.days.back();
  case TimingKind::relative:
    if ((p.phase.approximate && !approximate_too) || !p.last) return std::nullopt;
    return DateAt{*p.last, t.after.phase.loc.known() ? t.after.phase.loc : t.loc};
  case TimingKind::from:
  case TimingKind::tba: return std::nullopt;
  }
  return std::nullopt;
}

std::string span_text(const std::optional<DateAt>& start, const std::optional<DateAt>& end, bool zh) {
  if (start && end) {
    if (start->date == end->date) return start->date.iso();
    return start->date.iso() + "–" + end->date.iso();
  }
  if (start) return (zh ? "" : "from ") + start->date.iso() + (zh ? "起" : "");
  if (end) return (zh ? "" : "until ") + end->date.iso() + (zh ? "前" : "");
  return zh ? "待定" : "to be announced";
}

} // namespace kaowu
