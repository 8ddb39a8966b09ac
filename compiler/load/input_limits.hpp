#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "diag/sink.hpp"

namespace kaowu {

// Bounds on what the loader accepts. Real calendars stay far below each (the largest shipped
// file is 23 KB, the longest text 70 characters, the deepest key three tables); the bounds exist
// so that a wrong or hostile file fails with a located error instead of exhausting the stack,
// the memory or the time of a build.
// 128 KiB: every byte of a calendar can reach the site several hundred times (in each feed of
// each site, on each page); at this size the largest site a calendar and its catalogue can
// make stays under 80 MB (docs/robustness.md, tests/robustness/worst_case.py).
inline constexpr size_t kMaxFileBytes = 128 * 1024;
inline constexpr size_t kMaxKeyDepth = 32;   // tables opened by one dotted key or header
inline constexpr size_t kMaxTextChars = 2000; // code points in one string value

// Reports a file over kMaxFileBytes or a dotted key deeper than kMaxKeyDepth (toml++ limits
// nested arrays and inline tables itself, but not dotted keys, and recurses once per level).
// Returns false when the file must not be parsed.
bool within_input_limits(std::string_view text, const std::string& path, DiagnosticSink& sink);

// A character of the input that may not be published, and where it is.
struct ForbiddenCharacter {
  size_t offset;    // byte offset
  std::string name; // "U+0007"
};

// The first character of valid UTF-8 `text` that may not appear in a calendar string or a
// notice: C0 controls other than tab, line feed and carriage return, DEL, the C1 controls
// U+0080–U+009F, and the non-characters U+FFFE and U+FFFF. They are invisible, break C APIs
// (NUL), are not allowed in iCalendar text, and XML 1.0 (atom.xml, sitemap.xml) forbids the
// C0 ones and the non-characters.
std::optional<ForbiddenCharacter> first_forbidden_character(std::string_view text);

// Line and column (in code points) of a byte offset, as toml++ counts them.
Location location_at(std::string_view text, size_t offset, const std::string& path);

// Number of code points of valid UTF-8 text.
size_t code_points(std::string_view text);

} // namespace kaowu
