#include "check/check.hpp"

#include <algorithm>
#include <set>

#include "check/rule_kind.hpp"
#include "diag/suggest.hpp"

namespace kaowu {
namespace {

void report_unknown_kind(const RuleSpec& rule, DiagnosticSink& sink) {
  std::vector<std::string> names;
  for (const RuleKind& k : rule_kinds()) names.push_back(k.name);
  Location loc = rule.kind_loc.known() ? rule.kind_loc : rule.loc;
  Diagnostic& d = sink.report(DiagKind::unknown_rule_kind, loc, {rule.kind});
  if (auto near = closest_match(rule.kind, names))
    set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
}

void report_duplicate_ids(const std::vector<RuleSpec>& rules, DiagnosticSink& sink) {
  std::map<std::string, const RuleSpec*> seen;
  for (const RuleSpec& r : rules) {
    if (r.id.empty()) continue;
    auto [it, fresh] = seen.emplace(r.id, &r);
    if (fresh) continue;
    Diagnostic& d = sink.report_localized(DiagKind::duplicate_id, r.loc, {"rule", r.id}, {"规则", r.id});
    add_note(d, it->second->loc, "first defined here", "首次定义在这里");
  }
}

} // namespace

void check(const ResolvedProject& project, DiagnosticSink& sink) {
  check_window_order(project, sink);
  check_slot_dates(project, sink);
  if (!project.project) return;
  std::vector<RuleSpec> defaults;
  if (!project.project->has_rules_file) defaults = default_rules(sink);
  const std::vector<RuleSpec>& rules = project.project->has_rules_file ? project.project->rules : defaults;
  report_duplicate_ids(rules, sink);
  std::set<std::tuple<int, std::string, uint32_t, uint32_t>> seen;
  for (const RuleSpec& rule : rules) {
    if (rule.kind.empty()) continue; // the loader reported the missing kind
    auto kind = std::find_if(rule_kinds().begin(), rule_kinds().end(),
                             [&](const RuleKind& k) { return k.name == rule.kind; });
    if (kind == rule_kinds().end()) {
      report_unknown_kind(rule, sink);
      continue;
    }
    if (!validate_rule(rule, *kind, *project.project, sink)) continue;
    if (rule.severity == Severity::note) continue; // severity = "off"
    RuleContext ctx(project, rule, sink, seen);
    kind->run(ctx);
    ctx.finish();
  }
}

} // namespace kaowu
