// The rule kinds rules.toml may name: one line per kind, each defined in its own file.
#include "check/rule_kind.hpp"

namespace kaowu {

const std::vector<RuleKind>& rule_kinds() {
  static const std::vector<RuleKind> kinds = {
      order_rule(),          within_rule(),           bounds_rule(),
      exam_relation_rule(),  sessions_disjoint_rule(), session_length_rule(),
      batch_days_rule(),     exam_rest_days_rule(),   paper_with_first_batch_rule(),
      holiday_open_days_rule(), closes_on_day_off_rule(), catalogue_fit_rule(),
  };
  return kinds;
}

} // namespace kaowu
