#pragma once
#include <string>
#include <vector>

#include "bind/bound_notice.hpp"

namespace kaowu {

// The HTML of a bound notice: its Markdown (with value markers) rendered, then each value put
// where its marker is, as text: escaped for HTML, a URL value as a link (or as the bare address
// inside a link or an attribute), a table value as the table, replacing the paragraph that held
// the marker.
std::string notice_html(const BoundNotice& notice);

// Tables as cmark-gfm writes GFM tables, each after its caption (a bold paragraph) or, with no
// rows, its note.
std::string tables_html(const std::vector<TextTable>& tables);

} // namespace kaowu
