#include "load/input_limits.hpp"

#include <algorithm>
#include <cstdio>

namespace kaowu {

namespace {
bool is_bare_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Skips a string starting at text[i] (a quote); returns the offset just past it.
size_t skip_string(std::string_view text, size_t i) {
  char quote = text[i];
  bool multi = text.substr(i, 3) == std::string_view(quote == '"' ? "\"\"\"" : "'''");
  size_t pos = i + (multi ? 3 : 1);
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '\\' && quote == '"') {
      pos += 2;
      continue;
    }
    if (!multi && c == '\n') return pos; // unterminated: the parser reports it
    if (c == quote && (!multi || text.substr(pos, 3) == std::string_view(quote == '"' ? "\"\"\"" : "'''")))
      return pos + (multi ? 3 : 1);
    ++pos;
  }
  return pos;
}

} // namespace

Location location_at(std::string_view text, size_t offset, const std::string& path) {
  Location loc{path, 1, 1, 0};
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++loc.line;
      line_start = i + 1;
    }
  loc.column += static_cast<uint32_t>(code_points(text.substr(line_start, offset - line_start)));
  return loc;
}
size_t code_points(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::optional<ForbiddenCharacter> first_forbidden_character(std::string_view text) {
  auto found = [](size_t offset, unsigned code) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", code);
    return ForbiddenCharacter{offset, name};
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return found(i, c);
    if (c == 0xC2 && i + 1 < text.size()) { // U+0080–U+009F are C2 80–C2 9F
      unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return found(i, next);
    }
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF) {
      unsigned char last = static_cast<unsigned char>(text[i + 2]);
      if (last == 0xBE || last == 0xBF) return found(i, last == 0xBE ? 0xFFFEu : 0xFFFFu);
    }
  }
  return std::nullopt;
}

bool within_input_limits(std::string_view text, const std::string& path, DiagnosticSink& sink) {
  if (text.size() > kMaxFileBytes) {
    sink.report(DiagKind::file_too_large, Location{path, 1, 1, 0},
                {std::to_string(text.size()), std::to_string(kMaxFileBytes)});
    return false;
  }
  // A dotted key is a run of key segments joined by dots; count the dots of each run, skipping
  // strings (quoted segments and values) and comments. A float has one dot; dates none.
  size_t dots = 0, run_start = 0;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      if (dots == 0) run_start = i;
      i = skip_string(text, i);
      continue;
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      dots = 0;
      continue;
    }
    if (c == '.') {
      if (++dots + 1 > kMaxKeyDepth) {
        Location loc = location_at(text, run_start, path);
        sink.report(DiagKind::nesting_too_deep, loc, {"> " + std::to_string(kMaxKeyDepth), std::to_string(kMaxKeyDepth)});
        return false;
      }
    } else if (!is_bare_key_char(c) && c != ' ' && c != '\t') {
      dots = 0;
    } else if (dots == 0 && is_bare_key_char(c) && (i == 0 || !is_bare_key_char(text[i - 1]))) {
      run_start = i;
    }
    ++i;
  }
  return true;
}

} // namespace kaowu
