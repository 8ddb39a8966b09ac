#pragma once
#include <string>
#include <string_view>

namespace kaowu {

// Escapes & < > " ' for HTML text and attribute values (and XML).
std::string html_escape(std::string_view text);

} // namespace kaowu
