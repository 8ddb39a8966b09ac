#include "check/rule_kind.hpp"

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

} // namespace kaowu

namespace kaowu {

void RuleContext::finish() {
  if (rule.id.empty()) return;
  // Which rule fired, so a centre can find the parameter to relax.
  for (size_t i : reported_)
    add_note(sink_.at(i), rule.loc, "rule '" + rule.id + "' (kind " + rule.kind + ")",
             "规则“" + rule.id + "”（类型 " + rule.kind + "）");
}

} // namespace kaowu
