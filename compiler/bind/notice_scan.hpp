#pragma once
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "model/notice.hpp"

namespace kaowu {

// One {{name}} in a notice's body.
struct PlaceholderUse {
  std::string name; // trimmed: "phase.registration"
  size_t offset = 0; // of "{{" in the body
  size_t length = 0; // through "}}"
};

// Finds every placeholder of a notice's body in one pass, without backtracking. A "{{" that is
// not closed on its line, "{{{" (template syntax, not notice syntax) and an empty "{{}}" are
// located errors; such a "{{" is left in the text as written.
std::vector<PlaceholderUse> scan_placeholders(const Notice& notice, DiagnosticSink& sink);

// A date typed literally into a notice's body.
struct LiteralDate {
  size_t offset = 0, length = 0; // in the body
  int year = 0;                  // 0 when the text gives none (4月13日)
  int month = 0, day = 0;
};

// Every date typed into the body (2024年1月29日, 4月13、14日, 2024-04-13) outside the
// placeholders, in one pass: a date the calendar does not bind drifts from it.
std::vector<LiteralDate> find_literal_dates(const Notice& notice, const std::vector<PlaceholderUse>& uses);

// Locations in a notice's body. Asked for increasing offsets, each is found from the previous
// one, so a notice with thousands of findings is still located in one pass.
class NoticeCursor {
public:
  explicit NoticeCursor(const Notice& notice) : notice_(notice), line_(notice.body_line) {}
  // The location of byte `offset` of the body, `length` bytes long.
  Location at(size_t offset, size_t length);

private:
  const Notice& notice_;
  size_t offset_ = 0;
  uint32_t line_, column_ = 0; // of offset_: line in the file, code points before it on its line
};

} // namespace kaowu
