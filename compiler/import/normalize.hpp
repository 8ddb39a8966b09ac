#pragma once
// One line of a notice rewritten into the few forms the date scanner reads: ASCII digits,
// '-' for every range connector, ':' for every colon, ( ) for full-width brackets, Chinese
// numerals of dates as digits, and no spaces inside a date. Each byte remembers the byte of the
// original line it came from, so whatever the scanner finds is quoted and located as written.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kaowu::import {

struct NormalizedLine {
  std::string text;
  std::vector<uint32_t> origin; // origin[i]: byte offset in the original line of text[i]

  // The original bytes that produced text[begin, end).
  std::string_view original(std::string_view line, size_t begin, size_t end) const;
  // 1-based column (code points) in the original line of text[i].
  uint32_t column(std::string_view line, size_t i) const;
};

NormalizedLine normalize_line(std::string_view line);

// Code points before byte `offset` of `text`, plus one: the column diagnostics give.
uint32_t column_of(std::string_view text, size_t offset);

} // namespace kaowu::import
