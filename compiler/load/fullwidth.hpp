#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/location.hpp"

namespace kaowu {

// A full-width character typed where TOML needs its ASCII twin: a Chinese input method writes
// “网上报名” for "网上报名", ＝ for =, ， for , ….
struct FullWidthMark {
  Location loc;      // the character
  std::string mark;  // "“"
  std::string ascii; // "\""
};

// The first full-width mark on line `line` of `text` that stands outside an ASCII-quoted string
// (inside one it is ordinary text), or nothing. Used to explain a TOML syntax error on that line.
std::optional<FullWidthMark> full_width_mark(std::string_view text, uint32_t line, const std::string& path);

} // namespace kaowu
