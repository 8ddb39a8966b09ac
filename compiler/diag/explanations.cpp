#include "diag/explanations.hpp"

#include <vector>

namespace kaowu {

const Explanation* explanation(DiagKind kind) {
  static const std::vector<Explanation> table = {
#define KAOWU_EXPLAIN(name, en, zh, wrong, right) {DiagKind::name, en, zh, wrong, right},
#include "diag/explanations.def"
#undef KAOWU_EXPLAIN
  };
  for (const Explanation& e : table)
    if (e.kind == kind) return &e;
  return nullptr;
}

} // namespace kaowu
