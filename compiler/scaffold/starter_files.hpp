#pragma once
#include <string>
#include <utility>
#include <vector>

namespace kaowu {

// What kaowu ships that is not one centre's own, embedded at build time for `kaowu new
// project`: the national calendars a region narrows, the specialty catalogues, the holidays of
// every year kaowu knows, rules.toml, and the editor schema with its .taplo.toml. Paths are
// relative to a project's root ("calendars/holidays/2024.toml", "schema/calendar.schema.json").
const std::vector<std::pair<std::string, std::string>>& starter_files();

} // namespace kaowu
