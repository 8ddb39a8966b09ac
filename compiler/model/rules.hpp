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
struct RuleSpec {
  std::string id;
  std::string kind;
  Location kind_loc; // where `kind` is written, for an unknown kind
  Severity severity = Severity::error;
  std::map<std::string, RuleParam> params;
  Location loc;
};

} // namespace kaowu
