#pragma once
#include <string>
#include <string_view>

namespace kaowu {

// Escapes & < > " ' for HTML text and attribute values (and XML).
std::string html_escape(std::string_view text);

// Escapes & < > " as cmark escapes Markdown text, so a value put into a rendered notice reads
// exactly as the same text typed into the Markdown would.
std::string html_text_escape(std::string_view text);

} // namespace kaowu
