#pragma once
#include <iosfwd>
#include <string>

#include "diag/printer.hpp"

namespace kaowu {

// `kaowu diff OLD NEW` (two calendars directories) or `kaowu diff --since REV [DIR]` (the
// calendars as git commit REV had them, against the working tree): what moved, per calendar and
// per audience, in Chinese and English, as text or JSON, with the [[revisions]] block each changed
// calendar needs. Exit 0 (changes or not), 1 when either side has errors, 2 for I/O or git.
struct DiffRequest {
  std::string old_dir, new_dir; // calendars directories
  std::string since;            // a git revision: old_dir is taken from it
  bool json = false;
  Lang lang = Lang::zh;
  bool color = false;
};

int run_diff(const DiffRequest& request, std::ostream& out, std::ostream& err);

} // namespace kaowu
