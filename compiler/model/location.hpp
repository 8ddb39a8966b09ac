#pragma once
#include <cstdint>
#include <string>

namespace kaowu {

// A position in an input file. Lines and columns are 1-based; column counts characters
// (code points), as toml++ reports them. An empty file means "no location" (a whole-run
// diagnostic such as an unreadable directory).
struct Location {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_column = 0; // on the same line; 0 when unknown

  bool known() const { return !file.empty() && line > 0; }
};

} // namespace kaowu
