#pragma once
// The draft calendar `kaowu import` writes from what extract() found: today's format, each
// value followed by a comment quoting its line of the notice, every table marked
// `imported = "…"` until a person confirms it (calendars/README.md, "Imported drafts").
#include <string>
#include <vector>

#include "diag/printer.hpp"
#include "import/extract.hpp"

namespace kaowu::import {

// A dated step of the parent calendar, to leave out of the draft what it would only repeat.
struct ParentStep {
  std::string id;
  std::string kind;
  FactTiming timing = FactTiming::window;
  Date start, end;
  std::vector<Date> days;
  int months = 0, after_days = 0; // relative
};

struct DraftOptions {
  std::string id;        // [calendar] id
  std::string level;     // national | region | site
  std::string parent;    // the parent's id, or empty
  std::vector<ParentStep> parent_steps;
  std::vector<Date> parent_exam_days; // the parent's exam period: the same days are inherited
  std::string notice;    // the notice's file name, for the header comment
  Lang lang = Lang::zh;
};

struct Draft {
  std::string toml;
  int marks = 0;         // `imported` marks written
  int inherited = 0;     // steps left out as equal to the parent's
};

Draft write_draft(const Extraction& extraction, const DraftOptions& options);

// The draft's text with every `imported = "…"` line deleted and nothing else changed.
// `removed` counts them.
std::string confirm_draft(const std::string& text, int& removed);

} // namespace kaowu::import
