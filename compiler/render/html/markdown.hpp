#pragma once
#include <string>
#include <string_view>

namespace kaowu {

// CommonMark + GFM tables and strikethrough to HTML. Raw HTML in the input is never passed
// through (cmark-gfm leaves "<!-- raw HTML omitted -->"), so a notice cannot inject markup.
// Headings are shifted so the shallowest one becomes <h`top_heading`> (the page's <h1> is the
// notice title, so "#" or "##" sections both come out as <h2>, without skipped levels).
// Addresses typed into the text become links (see autolink.hpp): they end where the address
// ends, never inside the Chinese text after it.
std::string markdown_to_html(std::string_view markdown, int top_heading = 2);

} // namespace kaowu
