#pragma once
// Plain text and Markdown notices, already decoded to UTF-8, into numbered lines.
#include <string_view>
#include <vector>

#include "import/document_text.hpp"

namespace kaowu::import {

// Each line of the file is one line (\n, \r\n or a lone \r ends it; a form feed, as pdftotext
// writes between pages, too), numbered as in the file. Text copied out of a Word or Excel table
// separates its cells with tabs: a line with tabs between its words becomes a table row.
// Returns false when the text passed kMaxTextBytes.
bool read_plain_text(std::string_view utf8, std::vector<DocumentLine>& lines);

// Markdown reads as its text: heading marks, bullets, quote marks and ** dropped; a table's rows
// are rows (cells joined by " | ") and its delimiter row is dropped.
bool read_markdown(std::string_view utf8, std::vector<DocumentLine>& lines);

} // namespace kaowu::import
