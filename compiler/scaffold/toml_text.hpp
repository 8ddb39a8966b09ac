#pragma once
#include <string>
#include <string_view>

#include "model/calendar.hpp"

namespace kaowu {

// TOML as `kaowu new` writes it: values the loader reads back exactly.

// A basic string in quotes, with \ " and control characters escaped.
std::string toml_string(std::string_view text);
// A source as an inline table: { issuer = "…", number = "…", date = …, title = "…", section = "…" }
// with only the parts it has (an older one-line source is written as its title).
std::string toml_source(const Source& source);

} // namespace kaowu
