#include "text/en_format.hpp"

namespace kaowu {

std::string en_days(const std::vector<Date>& days) {
  std::string out;
  for (const Date& d : days) out += (out.empty() ? "" : ", ") + d.iso();
  return out;
}

std::string en_timing(const ResolvedPhase& rp) {
  const Phase& p = rp.phase;
  if (rp.tba && !rp.first && !rp.last) return "to be announced";
  switch (p.timing.kind) {
  case TimingKind::window: return rp.first->iso() + " to " + rp.last->iso();
  case TimingKind::from: return "from " + rp.first->iso();
  case TimingKind::deadline: return "by " + rp.last->iso();
  case TimingKind::days: {
    std::vector<Date> days;
    for (const DateAt& d : p.timing.days) days.push_back(d.date);
    return days.empty() ? "to be announced" : en_days(days);
  }
  case TimingKind::relative: return (p.approximate ? "about " : "") + rp.last->iso();
  case TimingKind::tba: return "to be announced";
  }
  return {};
}

} // namespace kaowu
