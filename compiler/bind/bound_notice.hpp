#pragma once
#include <map>
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

// The values a notice of one calendar may name: those of the revision it was issued under, and
// those of every revision of the calendar for {{name@N}} (a correction notice citing the date it
// corrects). Without a revision history there is one revision, the current one.
struct NoticeValues {
  int own = 1;                                        // the number of the revision it was issued under
  std::map<int, const PlaceholderTable*> tables;      // by revision number
  std::map<int, const ResolvedCalendar*> calendars;   // the calendar as each revision published it
};

// A notice bound to its calendar. Its text stays in the Notice: a bound notice records only where
// each placeholder stands, so ten thousand notices are not held twice.
struct BoundNotice {
  const Notice* notice = nullptr;
  const ResolvedCalendar* calendar = nullptr;
  int revision = 1;     // the revision it was issued under (its values are that revision's)
  size_t state = 0;     // that revision's place in the calendar's history (model/history.hpp)
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

// Binds one notice: every placeholder must name a value its revision of the calendar gives (a
// located error otherwise, with "did you mean"), or with "@N" one that revision N gave; a table
// placeholder stands alone on its line; dates typed literally are warnings. Returns nothing when
// the notice has errors.
std::optional<BoundNotice> bind_notice(const Notice& notice, const ResolvedCalendar& calendar,
                                       const NoticeValues& values, DiagnosticSink& sink);
// The same for a calendar with one revision: every value comes from `table`.
std::optional<BoundNotice> bind_notice(const Notice& notice, const ResolvedCalendar& calendar,
                                       const PlaceholderTable& table, DiagnosticSink& sink);
// "phase.exam@1" -> {"phase.exam", 1}; a name without "@N" -> {name, -1}.
std::pair<std::string, int> split_revision(const std::string& name);

} // namespace kaowu
