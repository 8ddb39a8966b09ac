#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "check/rest_days.hpp"
#include "diag/sink.hpp"
#include "model/resolved.hpp"
#include "model/rules.hpp"

namespace kaowu {

// The type of one rule parameter as rules.toml must write it.
enum class ParamType {
  integer,   // 3
  boolean,   // true
  choice,    // one of ParamSpec::choices
  phase,     // a phase kind, kind@level, "exam", or a phase id (check/select.hpp)
  phases,    // a list of them
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

// Years a holiday-aware rule judged by the weekday alone, because holidays/ has no file for them:
// (calendar id, year) -> the first date so judged and the rules that did. Reported once per
// calendar and year after every rule has run (KW0222).
struct HolidayGap {
  Location first;
  std::vector<std::string> rules;
};
using HolidayGaps = std::map<std::pair<std::string, int>, HolidayGap>;
using SeenFindings = std::set<std::tuple<int, std::string, uint32_t, uint32_t>>;

// What a rule kind sees while it runs over one calendar: the project, the rule (with the
// calendar's own parameters when it overrides them), the calendar, and a sink that applies the
// rule's severity and reports the same finding at the same place only once (a phase inherited
// by several calendars is checked in each of them).
class RuleContext {
public:
  RuleContext(const ResolvedProject& resolved, const RuleSpec& spec, const ResolvedCalendar& cal,
              DiagnosticSink& sink, SeenFindings& seen, HolidayGaps& gaps,
              const RuleOverride* override_by = nullptr, const Calendar* override_in = nullptr)
      : project(resolved), rule(spec), params(spec), calendar(cal), sink_(sink), seen_(seen), gaps_(gaps),
        override_(override_by), override_in_(override_in) {}

  // Reports with the rule's severity; nullptr when this finding was already reported here.
  Diagnostic* report(DiagKind kind, const Location& loc, std::vector<std::string> en,
                     std::vector<std::string> zh = {});
  // Same, with an explicit severity (bounds: a declared exception is a note).
  Diagnostic* report(DiagKind kind, Severity severity, const Location& loc,
                     std::vector<std::string> en, std::vector<std::string> zh = {});

  // Whether `day` is a rest day, by holidays/; a day of a year without a holidays file is judged
  // by its weekday, and the year is remembered for KW0222.
  RestDay rest_day(const DateAt& day);

  // Adds the note naming the rule (and the calendar's override) to everything this rule
  // reported. Call once, at the end.
  void finish();

  const ResolvedProject& project;
  const RuleSpec& rule;
  RuleParams params;
  const ResolvedCalendar& calendar;

private:
  std::vector<size_t> reported_;
  DiagnosticSink& sink_;
  SeenFindings& seen_;
  HolidayGaps& gaps_;
  const RuleOverride* override_;
  const Calendar* override_in_;
};

// One kind of rule: its name in rules.toml, its parameters and the check itself.
struct RuleKind {
  std::string name;
  std::vector<ParamSpec> params;
  void (*run)(RuleContext&); // over ctx.calendar
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
// names that are no kind and no calendar's phase id. Returns false when the rule cannot run.
// `partial`: a calendar's [[rule_overrides]], which need not repeat required parameters.
bool validate_rule(const RuleSpec& rule, const RuleKind& kind, const Project& project,
                   DiagnosticSink& sink, bool partial = false);
// Whether a rule's scope takes in a calendar.
bool in_scope(const RuleScope& scope, const Calendar& calendar);

// The rules used when a calendars directory has no rules.toml: the text of the shipped
// calendars/rules.toml (a unit test keeps the two identical).
extern const char* const kDefaultRulesToml;
std::vector<RuleSpec> default_rules(DiagnosticSink& sink);
// The name diagnostics give the embedded default rules.
inline constexpr const char* kBuiltInRulesPath = "(built-in rules.toml)";

} // namespace kaowu
