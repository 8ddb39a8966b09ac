#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/history.hpp"
#include "render/html/site_context.hpp"

namespace kaowu {

// What the pages say of revisions: the banner at the top of a page whose calendar (or one above
// it) was revised, and the list of correction pages. Nothing for a calendar never revised.

// "本日程已于2024年3月20日调整（第2版）" with a link to the latest correction, and every earlier
// correction; nullopt-like (an empty object) when the calendar has no recorded revision.
TemplateData revision_banner(const ResolvedCalendar& cal, const std::string& from);
// For a notice issued under an earlier revision than the one in force, what its banner says:
// the text, the correction page of the first revision after it, and (when more than one
// revision followed) every correction since, newest first; paths from the site's root.
struct NoticeRevisionNote {
  std::string text;
  std::string path;
  struct Correction {
    std::string label, date, path;
  };
  std::vector<Correction> corrections;
};
std::optional<NoticeRevisionNote> notice_revision_note(const ResolvedCalendar& cal, size_t notice_state);
// The same as the banner of a notice page (the template's data), linked from `from`.
// For a notice issued under an earlier revision than the one in force: its values are that
// revision's, and the banner says so and links what changed since.
TemplateData notice_revision_banner(const ResolvedCalendar& cal, size_t notice_state, const std::string& from);
// The correction pages of the revisions in force for `cal` (its own and those above it), newest
// first: {label, date, href}.
TemplateData correction_links(const ResolvedCalendar& cal, const std::string& from);

} // namespace kaowu
