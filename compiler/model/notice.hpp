#pragma once
#include <optional>
#include <string>

#include "model/calendar.hpp"

namespace kaowu {

// A notice (通知) as a centre writes it: notices/<calendar-id>/<slug>.md, TOML front matter
// between "+++" lines, then a Markdown body whose dates are placeholders ({{phase.payment}}).
struct Notice {
  std::string calendar_id; // the folder name
  std::string slug;        // the file name without .md; becomes the page's file name
  Text title;
  std::optional<DateAt> date; // date of issue
  std::string document;       // document number (文号), optional
  // The revision of its calendar it was issued under (`revision = N`); none: the one in force on
  // its date. Its placeholders show that revision's values.
  std::optional<int> revision;
  Location revision_loc;
  std::string body;           // Markdown with placeholders, as written
  uint32_t body_line = 1;     // line of the file on which `body` starts
  std::string file;           // path shown in diagnostics
  Location loc;
};

} // namespace kaowu
