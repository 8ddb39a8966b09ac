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

const RuleKind* kind_of(const RuleSpec& rule) {
  auto kind = std::find_if(rule_kinds().begin(), rule_kinds().end(),
                           [&](const RuleKind& k) { return k.name == rule.kind; });
  return kind == rule_kinds().end() ? nullptr : &*kind;
}

// The calendars' [[rule_overrides]] that name a rule and valid parameters of its kind:
// (calendar, rule id) -> the override. Everything else is reported here, at the override.
using Overrides = std::map<std::pair<const Calendar*, std::string>, const RuleOverride*>;

Overrides valid_overrides(const Project& project, const std::vector<RuleSpec>& rules, DiagnosticSink& sink) {
  Overrides out;
  std::vector<std::string> ids;
  for (const RuleSpec& r : rules)
    if (!r.id.empty()) ids.push_back(r.id);
  for (const Calendar& c : project.calendars)
    for (const RuleOverride& o : c.rule_overrides) {
      if (o.rule.empty()) continue; // the loader reported the missing key
      auto rule = std::find_if(rules.begin(), rules.end(), [&](const RuleSpec& r) { return r.id == o.rule.value; });
      if (rule == rules.end()) {
        Diagnostic& d = sink.report(DiagKind::unknown_rule, o.rule.loc, {o.rule.value});
        if (auto near = closest_match(o.rule.value, ids))
          set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
        continue;
      }
      const RuleKind* kind = kind_of(*rule);
      if (!kind) continue; // reported with the rule
      RuleSpec spec = *rule;
      spec.params = o.params;
      if (!validate_rule(spec, *kind, project, sink, true)) continue;
      auto [it, fresh] = out.emplace(std::make_pair(&c, o.rule.value), &o);
      if (!fresh) {
        Diagnostic& d = sink.report_localized(DiagKind::duplicate_id, o.rule.loc, {"rule override", o.rule.value},
                                              {"规则覆盖", o.rule.value});
        add_note(d, it->second->rule.loc, "first defined here", "首次定义在这里");
      }
    }
  return out;
}

// The override that applies to a calendar: its own, else the nearest ancestor's.
std::pair<const RuleOverride*, const Calendar*> override_for(const Overrides& overrides, const ResolvedCalendar& c,
                                                             const std::string& rule_id) {
  if (overrides.empty() || rule_id.empty()) return {nullptr, nullptr};
  std::vector<const Calendar*> chain = {c.calendar};
  chain.insert(chain.end(), c.ancestors.begin(), c.ancestors.end());
  for (const Calendar* cal : chain)
    if (auto it = overrides.find({cal, rule_id}); it != overrides.end()) return {it->second, cal};
  return {nullptr, nullptr};
}

const char* quote_open(bool zh) { return zh ? "“" : "'"; }
const char* quote_close(bool zh) { return zh ? "”" : "'"; }

void report_holiday_gaps(const HolidayGaps& gaps, DiagnosticSink& sink) {
  for (const auto& [key, gap] : gaps) {
    std::string en, zh;
    for (size_t i = 0; i < gap.rules.size(); ++i) {
      en += (i == 0 ? "" : i + 1 == gap.rules.size() ? " and " : ", ") + std::string(quote_open(false)) +
            gap.rules[i] + quote_close(false);
      zh += std::string(quote_open(true)) + gap.rules[i] + quote_close(true);
    }
    en = (gap.rules.size() == 1 ? "rule " : "rules ") + en;
    zh = "规则" + zh;
    Location where = gap.first.known() ? gap.first : Location{};
    sink.report_localized(DiagKind::no_holidays_file, where, {std::to_string(key.second), en, key.first},
                          {std::to_string(key.second), zh, key.first});
  }
}

} // namespace

bool in_scope(const RuleScope& scope, const Calendar& c) {
  if (!scope.tracks.empty() && std::find(scope.tracks.begin(), scope.tracks.end(), c.track) == scope.tracks.end())
    return false;
  if (!scope.levels.empty() &&
      std::find(scope.levels.begin(), scope.levels.end(), to_string(c.level)) == scope.levels.end())
    return false;
  if (scope.from_year && c.exam_year < scope.from_year) return false;
  if (scope.to_year && c.exam_year > scope.to_year) return false;
  return true;
}

void check(const ResolvedProject& project, DiagnosticSink& sink) {
  check_window_order(project, sink);
  check_slot_dates(project, sink);
  if (!project.project) return;
  std::vector<RuleSpec> defaults;
  if (!project.project->has_rules_file) defaults = default_rules(sink);
  const std::vector<RuleSpec>& rules = project.project->has_rules_file ? project.project->rules : defaults;
  report_duplicate_ids(rules, sink);
  Overrides overrides = valid_overrides(*project.project, rules, sink);
  SeenFindings seen;
  HolidayGaps gaps;
  for (const RuleSpec& rule : rules) {
    if (rule.kind.empty()) continue; // the loader reported the missing kind
    const RuleKind* kind = kind_of(rule);
    if (!kind) {
      report_unknown_kind(rule, sink);
      continue;
    }
    if (!validate_rule(rule, *kind, *project.project, sink)) continue;
    if (rule.severity == Severity::note) continue; // severity = "off"
    for (const ResolvedCalendar& c : project.calendars) {
      if (!in_scope(rule.scope, *c.calendar)) continue;
      auto [o, in] = override_for(overrides, c, rule.id);
      if (!o) {
        RuleContext ctx(project, rule, c, sink, seen, gaps);
        kind->run(ctx);
        ctx.finish();
        continue;
      }
      RuleSpec own = rule;
      for (const auto& [name, value] : o->params) own.params[name] = value;
      RuleContext ctx(project, own, c, sink, seen, gaps, o, in);
      kind->run(ctx);
      ctx.finish();
    }
  }
  report_holiday_gaps(gaps, sink);
}

} // namespace kaowu
