#pragma once
#include <string>
#include <string_view>

#include "model/calendar.hpp"
#include "text/toml_string.hpp"

namespace kaowu {

// TOML as `kaowu new` writes it: values the loader reads back exactly.

// A source as an inline table: { issuer = "…", number = "…", date = …, title = "…", section = "…" }
// with only the parts it has (an older one-line source is written as its title).
std::string toml_source(const Source& source);

} // namespace kaowu
