#pragma once
#include <string>
#include <utility>
#include <vector>

namespace kaowu {

// `kaowu new project DIR`: every file of a new project, by path relative to DIR. It is what
// kaowu ships that is not one centre's own (starter_files(): the national calendars to narrow,
// catalogues, holidays, rules.toml, the editor schema and .taplo.toml), the default templates
// to restyle, a README for the centre and a .gitignore for public/. It checks and builds as
// written; `kaowu new region` then starts the centre's own calendar.
std::vector<std::pair<std::string, std::string>> new_project_files();

} // namespace kaowu
