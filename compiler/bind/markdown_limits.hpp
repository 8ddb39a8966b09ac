#pragma once
#include "diag/sink.hpp"
#include "model/notice.hpp"

namespace kaowu {

// GFM tables render one cell per header column for every row, and a table's rows run on until a
// blank line, so a few kilobytes (a long header row over many short lines) can render into
// hundreds of megabytes; Debian's cmark-gfm 0.29 also slows down with them. Real notices have
// tables of a few columns and a few dozen rows.
inline constexpr size_t kMaxTableColumns = 64;
inline constexpr size_t kMaxTableCells = 20000;

// Finds the GFM tables of a notice's body in one pass and reports each that passes the bounds,
// at its header line. Returns false when the notice must not be rendered.
bool within_markdown_limits(const Notice& notice, DiagnosticSink& sink);

} // namespace kaowu
