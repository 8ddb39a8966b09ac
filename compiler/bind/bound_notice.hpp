#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "bind/placeholder_table.hpp"
#include "diag/sink.hpp"
#include "model/notice.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// Where a value goes in a bound notice's Markdown: U+FFFE, the value's index in decimal,
// U+FFFF. The loader rejects both characters in any input, so a marker is never the author's
// text; Markdown treats it as plain text, and the renderer puts the value in after Markdown has
// been turned into HTML, so a value is never read as markup.
inline constexpr std::string_view kValueOpen = "\xEF\xBF\xBE";
inline constexpr std::string_view kValueClose = "\xEF\xBF\xBF";
std::string value_marker(size_t index);

// A notice bound to its calendar. Its text stays in the Notice: a bound notice records only where
// each placeholder stands, so ten thousand notices are not held twice.
struct BoundNotice {
  const Notice* notice = nullptr;
  const ResolvedCalendar* calendar = nullptr;
  struct Span {
    size_t offset = 0; // in notice->body
    size_t length = 0;
  };
  std::vector<Span> spans;                     // where each placeholder stands, in order
  std::vector<const PlaceholderValue*> values; // by marker index; point into the calendar's table

  // The body, each placeholder replaced by its marker (value_marker(i) for spans[i]): made when
  // the notice is rendered, and let go after.
  std::string markdown() const;
};

// Binds one notice: every placeholder must name a value of `table` that the calendar gives (a
// located error otherwise, with "did you mean"); a table placeholder stands alone on its line;
// dates typed literally are warnings. Returns nothing when the notice has errors.
std::optional<BoundNotice> bind_notice(const Notice& notice, const ResolvedCalendar& calendar,
                                       const PlaceholderTable& table, DiagnosticSink& sink);

} // namespace kaowu
