#pragma once
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "bind/bound_notice.hpp"

namespace kaowu {

// The HTML of a bound notice: its Markdown (with value markers) rendered, then each value put
// where its marker is, as text: escaped for HTML, a URL value as a link (or as the bare address
// inside a link or an attribute), a table value as the table, replacing the paragraph that held
// the marker.
// `tables`, when given, holds the HTML of table values already rendered (tables_html_once).
using TablesHtml = std::unordered_map<const PlaceholderValue*, std::string>;
std::string notice_html(const BoundNotice& notice, const TablesHtml* tables = nullptr);

// The HTML of every table value of these calendars' placeholder tables, rendered once: a table
// (the exam timetable, the confirmation slots) repeats in every notice of its calendar.
TablesHtml tables_html_once(const std::map<std::string, PlaceholderTable>& tables);

// Tables as cmark-gfm writes GFM tables, each after its caption (a bold paragraph) or, with no
// rows, its note.
std::string tables_html(const std::vector<TextTable>& tables);

} // namespace kaowu
