#include "load/fullwidth.hpp"

namespace kaowu {

namespace {
struct Twin {
  std::string_view mark, ascii;
};
// The marks a Chinese input method types in place of TOML's punctuation.
constexpr Twin kTwins[] = {{"“", "\""}, {"”", "\""}, {"‘", "'"},  {"’", "'"},  {"＝", "="}, {"，", ","},
                           {"：", ":"}, {"［", "["}, {"］", "]"}, {"｛", "{"}, {"｝", "}"}, {"＃", "#"},
                           {"。", "."}, {"．", "."}, {"－", "-"}, {"　", " "}};
} // namespace

std::optional<FullWidthMark> full_width_mark(std::string_view text, uint32_t line, const std::string& path) {
  size_t start = 0;
  for (uint32_t l = 1; l < line && start != std::string_view::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return std::nullopt;
  size_t end = text.find('\n', start);
  std::string_view row = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  char quote = 0;
  uint32_t column = 1;
  for (size_t i = 0; i < row.size();) {
    char c = row[i];
    if (quote) {
      if (c == '\\' && quote == '"') i += 1;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      return std::nullopt; // a comment: anything goes
    } else {
      for (const Twin& t : kTwins)
        if (row.substr(i, t.mark.size()) == t.mark) {
          uint32_t end_column = column + 1;
          return FullWidthMark{Location{path, line, column, end_column}, std::string(t.mark), std::string(t.ascii)};
        }
    }
    // Advance one code point.
    size_t step = 1;
    while (i + step < row.size() && (static_cast<unsigned char>(row[i + step]) & 0xC0) == 0x80) ++step;
    i += step;
    ++column;
  }
  return std::nullopt;
}

} // namespace kaowu
