#pragma once
#include <string>
#include <string_view>

namespace kaowu {

// A TOML basic string in quotes, with \ " and control characters escaped, which the loader
// reads back exactly (`kaowu new` writes calendars with it, `kaowu notices` front matter).
std::string toml_string(std::string_view text);

} // namespace kaowu
