#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaowu {

// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

} // namespace kaowu
