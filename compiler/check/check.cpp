#include "check/check.hpp"

namespace kaowu {

void check(const ResolvedProject& project, DiagnosticSink& sink) {
  check_window_order(project, sink);
}

} // namespace kaowu
