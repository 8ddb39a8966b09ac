#pragma once
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "diag/sink.hpp"
#include "model/resolved.hpp"
#include "model/rules.hpp"

namespace kaowu {

// The type of one rule parameter as rules.toml must write it.
enum class ParamType {
  integer,   // 3
  boolean,   // true
  choice,    // one of ParamSpec::choices
  phase,     // a phase id ("exam" is the exam)
  phases,    // a list of phase ids
};

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::integer;
  bool required = false;
  std::vector<std::string> choices = {}; // choice only
  long long lowest = 0;                  // integer only
  long long highest = 3650;
};

// The parameters of one rule after validation: typed getters with defaults.
class RuleParams {
public:
  explicit RuleParams(const RuleSpec& rule) : rule_(rule) {}
  long long integer(const std::string& name, long long fallback) const;
  bool boolean(const std::string& name, bool fallback) const;
  std::string text(const std::string& name, const std::string& fallback) const;
  std::vector<std::string> texts(const std::string& name) const;
  Location loc(const std::string& name) const;

private:
  const RuleSpec& rule_;
};

// What a rule kind sees while it runs: the project, its rule, and a sink that applies the
// rule's severity and reports the same finding at the same place only once (a phase inherited
// by several calendars is checked in each of them).
class RuleContext {
public:
  RuleContext(const ResolvedProject& resolved, const RuleSpec& spec, DiagnosticSink& sink,
              std::set<std::tuple<int, std::string, uint32_t, uint32_t>>& seen)
      : project(resolved), rule(spec), params(spec), sink_(sink), seen_(seen) {}

  // Reports with the rule's severity; nullptr when this finding was already reported here.
  Diagnostic* report(DiagKind kind, const Location& loc, std::vector<std::string> en,
                     std::vector<std::string> zh = {});
  // Same, with an explicit severity (bounds: a declared exception is a note).
  Diagnostic* report(DiagKind kind, Severity severity, const Location& loc,
                     std::vector<std::string> en, std::vector<std::string> zh = {});

  // Adds the note naming the rule to everything this rule reported. Call once, at the end.
  void finish();

  const ResolvedProject& project;
  const RuleSpec& rule;
  RuleParams params;

private:
  std::vector<size_t> reported_;
  DiagnosticSink& sink_;
  std::set<std::tuple<int, std::string, uint32_t, uint32_t>>& seen_;
};

// One kind of rule: its name in rules.toml, its parameters and the check itself.
struct RuleKind {
  std::string name;
  std::vector<ParamSpec> params;
  void (*run)(RuleContext&);
};

// Every kind, in the order `kaowu` documents them. Each lives in its own file.
const std::vector<RuleKind>& rule_kinds();
RuleKind order_rule();
RuleKind within_rule();
RuleKind bounds_rule();
RuleKind exam_relation_rule();
RuleKind sessions_disjoint_rule();
RuleKind session_length_rule();
RuleKind batch_days_rule();
RuleKind exam_rest_days_rule();
RuleKind paper_with_first_batch_rule();
RuleKind holiday_open_days_rule();
RuleKind closes_on_day_off_rule();
RuleKind catalogue_fit_rule();

// Reports unknown parameters, wrong types, bad choices, missing required parameters and phase
// ids no calendar has. Returns false when the rule cannot run.
bool validate_rule(const RuleSpec& rule, const RuleKind& kind, const Project& project,
                   DiagnosticSink& sink);

// The rules used when a calendars directory has no rules.toml: the text of the shipped
// calendars/rules.toml (a unit test keeps the two identical).
extern const char* const kDefaultRulesToml;
std::vector<RuleSpec> default_rules(DiagnosticSink& sink);
// The name diagnostics give the embedded default rules.
inline constexpr const char* kBuiltInRulesPath = "(built-in rules.toml)";

} // namespace kaowu
