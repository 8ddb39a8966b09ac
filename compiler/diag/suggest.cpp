#include "diag/suggest.hpp"

#include <algorithm>

namespace kaowu {
namespace {
// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// neighbours each cost one, so "strat" is one edit from "start".
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}
} // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  // Nobody misspells a name this long; and the distance costs length times length.
  if (word.size() > 64) return std::nullopt;
  std::optional<std::string> best;
  size_t best_distance = std::max<size_t>(1, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    // The distance is at least the difference in length.
    size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_distance) continue;
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

} // namespace kaowu

namespace kaowu {
namespace {
// Where a run of exactly four digits (a year) starts in `id`, or npos.
size_t year_at(std::string_view id) {
  for (size_t i = 0; i + 4 <= id.size(); ++i) {
    auto digit = [&](size_t k) { return k < id.size() && id[k] >= '0' && id[k] <= '9'; };
    if ((i == 0 || !digit(i - 1)) && digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)) return i;
  }
  return std::string_view::npos;
}
} // namespace

std::optional<Bilingual> suggest_calendar(std::string_view word, const std::vector<std::string>& ids) {
  size_t at = year_at(word);
  if (at != std::string_view::npos) {
    std::string stem = std::string(word.substr(0, at)) + "{year}" + std::string(word.substr(at + 4));
    std::vector<std::string> years;
    for (const std::string& id : ids) {
      size_t y = year_at(id);
      if (y != std::string::npos && id.substr(0, y) + "{year}" + id.substr(y + 4) == stem) years.push_back(id.substr(y, 4));
    }
    std::sort(years.begin(), years.end());
    // Two neighbouring digits swapped (2042 for 2024) is a slip of the fingers: that one is meant.
    std::string year(word.substr(at, 4));
    for (const std::string& y : years)
      for (size_t i = 0; i + 1 < 4; ++i) {
        std::string swapped = year;
        std::swap(swapped[i], swapped[i + 1]);
        if (swapped != year && swapped == y) {
          std::string id = std::string(word.substr(0, at)) + y + std::string(word.substr(at + 4));
          return Bilingual{"did you mean '" + id + "'?", "是否想写“" + id + "”？"};
        }
      }
    if (!years.empty()) {
      std::string list_en, list_zh;
      for (size_t i = 0; i < years.size(); ++i) {
        list_en += (i ? ", " : "") + years[i];
        list_zh += (i ? "、" : "") + years[i];
      }
      std::string pattern = std::string(word.substr(0, at)) + "YYYY" + std::string(word.substr(at + 4));
      return Bilingual{"there is no '" + std::string(word) + "': '" + pattern + "' exists for " + list_en +
                           " only: add the calendar of " + year + " first, or name one that exists.",
                       "没有“" + std::string(word) + "”：“" + pattern + "”只有 " + list_zh + " 年的日程；请先加入 " + year +
                           " 年的日程，或改用已有的日程。"};
    }
  }
  if (auto near = closest_match(word, ids))
    return Bilingual{"did you mean '" + *near + "'?", "是否想写“" + *near + "”？"};
  return std::nullopt;
}

} // namespace kaowu
