#pragma once
#include <string_view>

#include "diag/sink.hpp"
#include "model/notice.hpp"

namespace kaowu {

// GFM tables render one cell per header column for every row, and a table's rows run on until a
// blank line, so a few kilobytes (a long header row over many short lines) can render into
// hundreds of megabytes; Debian's cmark-gfm 0.29 also slows down with them. Real notices have
// tables of a few columns and a few dozen rows.
inline constexpr size_t kMaxTableColumns = 64;
inline constexpr size_t kMaxTableCells = 20000;
// Each '>' or list marker at the start of a line opens a container: ">>>>…" renders 25 bytes of
// tags per byte (a 250 KB line became a 6.7 MB page and 250,000 nested blockquotes, which no
// browser shows). Real notices nest a list in a list, or quote once.
inline constexpr size_t kMaxBlockNesting = 16;

// Whether a line is a GFM table's delimiter row (|---|:--:|), which makes the line above it a
// table's header (also how `kaowu import` reads a Markdown notice's tables).
bool is_delimiter_row(std::string_view line);

// Finds the GFM tables of a notice's body in one pass and reports each that passes the bounds,
// at its header line, and each line that opens more than kMaxBlockNesting blockquotes and list
// items, at the marker past the bound. Returns false when the notice must not be rendered.
bool within_markdown_limits(const Notice& notice, DiagnosticSink& sink);

} // namespace kaowu
