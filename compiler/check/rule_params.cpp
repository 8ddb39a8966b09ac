// Typed access to a rule's parameters, and the validation that makes that access safe:
// every problem in rules.toml is reported at its value, and a rule with a broken parameter
// does not run (rather than run with a guess).
#include <algorithm>
#include <set>

#include "check/rule_kind.hpp"
#include "check/select.hpp"
#include "diag/suggest.hpp"
#include "model/phase_kinds.hpp"

namespace kaowu {

long long RuleParams::integer(const std::string& name, long long fallback) const {
  auto it = rule_.params.find(name);
  if (it == rule_.params.end()) return fallback;
  if (auto v = std::get_if<long long>(&it->second.value)) return *v;
  return fallback;
}

bool RuleParams::boolean(const std::string& name, bool fallback) const {
  auto it = rule_.params.find(name);
  if (it == rule_.params.end()) return fallback;
  if (auto v = std::get_if<bool>(&it->second.value)) return *v;
  return fallback;
}

std::string RuleParams::text(const std::string& name, const std::string& fallback) const {
  auto it = rule_.params.find(name);
  if (it == rule_.params.end()) return fallback;
  if (auto v = std::get_if<std::string>(&it->second.value)) return *v;
  return fallback;
}

std::vector<std::string> RuleParams::texts(const std::string& name) const {
  auto it = rule_.params.find(name);
  if (it == rule_.params.end()) return {};
  if (auto v = std::get_if<std::vector<std::string>>(&it->second.value)) return *v;
  if (auto v = std::get_if<std::string>(&it->second.value)) return {*v};
  return {};
}

Location RuleParams::loc(const std::string& name) const {
  auto it = rule_.params.find(name);
  return it == rule_.params.end() ? rule_.loc : it->second.loc;
}

namespace {

void invalid(DiagnosticSink& sink, const RuleSpec& rule, const std::string& param, const Location& loc,
             const std::string& en, const std::string& zh) {
  sink.report_localized(DiagKind::invalid_rule_param, loc, {param, rule.id, en}, {param, rule.id, zh});
}

// The names a rule may select phases by: every kind, and the ids of the calendars' phases.
std::set<std::string> known_phase_names(const Project& project) {
  std::set<std::string> names;
  for (const PhaseKindInfo& k : phase_kinds()) names.emplace(k.name);
  for (const Calendar& c : project.calendars) {
    for (const Phase& p : c.phases) names.insert(p.id.value);
    for (const BatchTask& t : c.exam.batch_tasks) names.insert(t.id.value);
  }
  return names;
}

// False when the selector's level is not a level (a broken parameter: the rule does not run).
bool check_phase(const std::string& text, const std::string& param, const Location& loc, const RuleSpec& rule,
                 const std::set<std::string>& known, DiagnosticSink& sink) {
  PhaseSelector s = parse_selector(text);
  if (!s.valid_level) {
    invalid(sink, rule, param, loc, "\"" + text + "\": after '@' comes the level that does the phase: site, region or national",
            "\"" + text + "\"：“@”之后应为办理该事项的层级：site、region 或 national");
    return false;
  }
  // The default rules name the usual phases; a directory that lacks some of them (a partial
  // calendar) is not at fault. A centre's own rules.toml is held to its word.
  if (known.count(s.name) || rule.loc.file == kBuiltInRulesPath) return true;
  Diagnostic& d = sink.report(DiagKind::rule_unknown_phase, loc, {rule.id, s.name});
  if (auto near = closest_match(s.name, std::vector<std::string>(known.begin(), known.end())))
    set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
  return true;
}

} // namespace

bool validate_rule(const RuleSpec& rule, const RuleKind& kind, const Project& project,
                   DiagnosticSink& sink, bool partial) {
  bool ok = true;
  std::set<std::string> phases = known_phase_names(project);
  for (const auto& entry : rule.params) {
    // Plain references, not a structured binding: clang 14 cannot capture those in a lambda.
    const std::string& name = entry.first;
    const RuleParam& param = entry.second;
    auto spec = std::find_if(kind.params.begin(), kind.params.end(),
                             [&](const ParamSpec& s) { return s.name == name; });
    if (spec == kind.params.end()) {
      std::vector<std::string> names;
      for (const ParamSpec& s : kind.params) names.push_back(s.name);
      Diagnostic& d = sink.report(DiagKind::unknown_rule_param, param.loc, {kind.name, name});
      if (auto near = closest_match(name, names))
        set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
      ok = false;
      continue;
    }
    const auto& v = param.value;
    switch (spec->type) {
    case ParamType::integer:
      if (auto i = std::get_if<long long>(&v)) {
        if (*i < spec->lowest || *i > spec->highest) {
          std::string range = std::to_string(spec->lowest) + "–" + std::to_string(spec->highest);
          invalid(sink, rule, name, param.loc, std::to_string(*i) + " is outside " + range,
                  std::to_string(*i) + " 超出范围 " + range);
          ok = false;
        }
      } else {
        invalid(sink, rule, name, param.loc, "must be a whole number of days (no quotes)",
                "应为整数天数（不加引号）");
        ok = false;
      }
      break;
    case ParamType::boolean:
      if (!std::holds_alternative<bool>(v)) {
        invalid(sink, rule, name, param.loc, "must be true or false", "应为 true 或 false");
        ok = false;
      }
      break;
    case ParamType::choice: {
      auto s = std::get_if<std::string>(&v);
      std::string list;
      for (const std::string& c : spec->choices) list += (list.empty() ? "\"" : ", \"") + c + "\"";
      if (!s || std::find(spec->choices.begin(), spec->choices.end(), *s) == spec->choices.end()) {
        invalid(sink, rule, name, param.loc, "must be one of " + list, "可选值为 " + list);
        ok = false;
      }
      break;
    }
    case ParamType::phase:
      if (auto s = std::get_if<std::string>(&v)) ok = check_phase(*s, name, param.loc, rule, phases, sink) && ok;
      else {
        invalid(sink, rule, name, param.loc, "must be a phase id in quotes", "应为带引号的阶段标识");
        ok = false;
      }
      break;
    case ParamType::phases:
      if (auto list = std::get_if<std::vector<std::string>>(&v)) {
        for (const std::string& s : *list) ok = check_phase(s, name, param.loc, rule, phases, sink) && ok;
        if (list->empty()) {
          invalid(sink, rule, name, param.loc, "must name at least one phase", "至少应有一个阶段");
          ok = false;
        }
      } else {
        invalid(sink, rule, name, param.loc, "must be a list of phase ids: [\"registration\", …]",
                "应为阶段标识列表：[\"registration\", …]");
        ok = false;
      }
      break;
    }
  }
  for (const ParamSpec& spec : kind.params)
    if (!partial && spec.required && !rule.params.count(spec.name)) {
      invalid(sink, rule, spec.name, rule.loc, "is required by kind '" + kind.name + "'",
              "类型“" + kind.name + "”必须给出该参数");
      ok = false;
    }
  return ok;
}

} // namespace kaowu
