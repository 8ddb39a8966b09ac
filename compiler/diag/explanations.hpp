#pragma once
#include <string_view>

#include "diag/diagnostic.hpp"

namespace kaowu {

// The long explanation `kaowu explain` prints for a kind, with a wrong and a right example.
struct Explanation {
  DiagKind kind;
  std::string_view text_en, text_zh;
  std::string_view wrong, right;
};

// nullptr when the kind has no long explanation (its message and hint say it all).
const Explanation* explanation(DiagKind kind);

} // namespace kaowu
