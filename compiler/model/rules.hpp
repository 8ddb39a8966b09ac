#pragma once
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "model/location.hpp"

namespace kaowu {

enum class Severity { note, warning, error };

// One parameter of a rule as written in rules.toml.
struct RuleParam {
  std::variant<long long, double, bool, std::string, std::vector<std::string>> value;
  Location loc;
};

// One [[rules]] entry: which check to run and how strictly. The check stage gives meaning to
// `kind` and `params`; the loader only keeps them with their positions.
// Which calendars a rule applies to: all of them unless `scope` narrows it.
struct RuleScope {
  std::vector<std::string> tracks; // 初中级, 高级
  std::vector<std::string> levels; // national, region, site
  int from_year = 0;               // exam years, inclusive; 0 = open
  int to_year = 0;
  Location loc;
  bool empty() const { return tracks.empty() && levels.empty() && from_year == 0 && to_year == 0; }
};

struct RuleSpec {
  std::string id;
  std::string kind;
  Location kind_loc; // where `kind` is written, for an unknown kind
  Severity severity = Severity::error;
  std::map<std::string, RuleParam> params;
  RuleScope scope;
  Location loc;
};

} // namespace kaowu
