#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace kaowu {

// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// The help for a calendar id that does not exist: "did you mean" a close one; but an id that
// differs from existing ones only in its year (national-2025 where national-2017 … -2022 exist)
// is no typo, and the help names the years that exist instead of one of them.
std::optional<Bilingual> suggest_calendar(std::string_view word, const std::vector<std::string>& ids);

} // namespace kaowu
