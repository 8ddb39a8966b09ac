#include "check/rule_kind.hpp"

#include <algorithm>

namespace kaowu {

Diagnostic* RuleContext::report(DiagKind kind, const Location& loc, std::vector<std::string> en,
                                std::vector<std::string> zh) {
  return report(kind, rule.severity, loc, std::move(en), std::move(zh));
}

Diagnostic* RuleContext::report(DiagKind kind, Severity severity, const Location& loc,
                                std::vector<std::string> en, std::vector<std::string> zh) {
  if (!seen_.emplace(info(kind).code, loc.file, loc.line, loc.column).second) return nullptr;
  Diagnostic& d = zh.empty() ? sink_.report(kind, severity, loc, std::move(en))
                             : sink_.report_localized(kind, loc, std::move(en), std::move(zh));
  d.severity = severity;
  reported_.push_back(sink_.diagnostics().size() - 1);
  return &d;
}

RestDay RuleContext::rest_day(const DateAt& day) {
  RestDay r = kaowu::rest_day(project, day.date);
  if (!r.known) {
    HolidayGap& gap = gaps_[{calendar.id(), day.date.year()}];
    bool earlier = !gap.first.known() || (day.loc.file == gap.first.file &&
                                          (day.loc.line < gap.first.line ||
                                           (day.loc.line == gap.first.line && day.loc.column < gap.first.column)));
    if (earlier && day.loc.known()) gap.first = day.loc;
    if (std::find(gap.rules.begin(), gap.rules.end(), rule.id) == gap.rules.end()) gap.rules.push_back(rule.id);
  }
  return r;
}

void RuleContext::finish() {
  // Which rule fired, so a centre can find the parameter to relax; and where this calendar set
  // the rule's parameters for itself, with its reason.
  for (size_t i : reported_) {
    if (!rule.id.empty())
      add_note(sink_.at(i), rule.loc, "rule '" + rule.id + "' (kind " + rule.kind + ")",
               "规则“" + rule.id + "”（类型 " + rule.kind + "）");
    if (override_)
      add_note(sink_.at(i), override_->loc,
               "calendar '" + override_in_->id.value + "' sets this rule's parameters: " + override_->reason.value,
               "日程“" + override_in_->id.value + "”为本日程设定了该规则的参数：" + override_->reason.value);
  }
}

} // namespace kaowu
