// The shipped calendars/rules.toml, used when a calendars directory has none. CMake embeds the
// file at configure time (default_rules.inc.in), so there is one copy to edit.
#include "check/rule_kind.hpp"
#include "load/loader.hpp"

namespace kaowu {

const char* const kDefaultRulesToml =
#include "default_rules.inc"
    ;

std::vector<RuleSpec> default_rules(DiagnosticSink& sink) {
  Project defaults;
  load_document(kDefaultRulesToml, kBuiltInRulesPath, defaults, sink);
  return std::move(defaults.rules);
}

} // namespace kaowu
