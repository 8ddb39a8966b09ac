#pragma once
#include <iosfwd>
#include <string>

#include "diag/printer.hpp"

namespace kaowu {

// `kaowu explain KW0004` / `kaowu explain unknown-key`: what the diagnostic means and how to fix it;
// `kaowu explain` alone lists every code with its slug and message.
int run_explain(const std::string& code_or_slug, Lang lang, std::ostream& out, std::ostream& err);

} // namespace kaowu
