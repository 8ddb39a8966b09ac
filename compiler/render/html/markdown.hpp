#pragma once
#include <string>
#include <string_view>

namespace kaowu {

// CommonMark + GFM tables, autolinks and strikethrough to HTML. Raw HTML in the input is never
// passed through (cmark-gfm leaves "<!-- raw HTML omitted -->"), so a notice cannot inject markup.
// `heading_offset` demotes headings (# becomes <h2> with 1) so the page keeps one <h1>.
std::string markdown_to_html(std::string_view markdown, int heading_offset = 1);

} // namespace kaowu
