#pragma once
#include <optional>
#include <string>

namespace kaowu {

// Where a command's inputs and output are. A project is a directory, as in Hugo: calendars/
// with notices/ and templates/ beside it, and public/ for the site.
struct ProjectPaths {
  std::string root;      // "" when the calendars directory was named directly
  std::string calendars;
  std::string notices;   // the default, even when it does not exist
  std::string templates;
  std::string output;
};

// The project of `given` (-s DIR or the positional DIR), or of the current directory when it is
// empty. A directory with a calendars/ folder is a project; any other directory named on the
// command line is taken as the calendars directory itself, with notices/, templates/ and public/
// beside it (how kaowu was used before projects). Nothing when no directory was named and the
// current directory holds no calendars/: `error` then says how to make a project.
std::optional<ProjectPaths> find_project(const std::string& given, std::string& error);

} // namespace kaowu
