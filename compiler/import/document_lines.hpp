#pragma once
// Where every reader puts the lines it finds, so that each format's text comes out in one
// shape: trimmed, without empty lines, table cells joined by " | ", bounded in size.
#include <string>
#include <string_view>
#include <vector>

#include "import/document_text.hpp"

namespace kaowu::import {

// The separator of a table row's cells on its one line, as a Markdown table row reads.
inline constexpr std::string_view kCellSeparator = " | ";

class LineCollector {
public:
  explicit LineCollector(std::vector<DocumentLine>& lines) : lines_(lines) {}

  // Adds one line (UTF-8) as the reader sees it: spaces at its ends (ASCII, U+00A0, U+3000)
  // trimmed, control characters dropped. An empty line is not added. Returns false once the
  // text has reached kMaxTextBytes: the reader stops and the caller reports it.
  bool add(std::string_view text, int number, int page = 0);
  // Adds a table row: its non-empty cells (each tidied as a line) joined by kCellSeparator.
  bool add_row(const std::vector<std::string>& cells, int number, int page = 0);

  bool full() const { return full_; }

private:
  std::vector<DocumentLine>& lines_;
  size_t bytes_ = 0;
  bool full_ = false;
};

// Lines assembled from a walk over a document tree (HTML elements, DOCX paragraphs): text comes
// in pieces, blocks and line breaks end lines, a table row collects its cells and becomes one
// line. Inside a row, block boundaries and line breaks only separate words, and a table nested
// in a cell is read into that cell.
class BlockText {
public:
  // `numbered_by_source`: a line's number is the source line of its first text (HTML); else
  // lines are numbered 1, 2, 3… as they are made (DOCX).
  BlockText(LineCollector& out, bool numbered_by_source) : out_(out), by_source_(numbered_by_source) {}

  void text(std::string_view utf8, int source_line = 0);
  void line_break();     // <br>, <w:br/>
  void block_boundary(); // the start or end of a paragraph, heading, list item…
  void begin_row(int source_line = 0);
  void begin_cell();
  void end_row();
  bool in_row() const { return row_depth_ > 0; }
  // Ends the last line; returns false when the text passed kMaxTextBytes.
  bool finish();

private:
  void flush();
  int next_number(int source_line);

  LineCollector& out_;
  bool by_source_;
  std::string line_;
  bool pending_ = false; // line_ holds text
  int line_number_ = 0;
  std::vector<std::string> cells_;
  int row_depth_ = 0; // rows open: more than one when a table is nested in a cell
  int row_number_ = 0;
  int counter_ = 0;
};

// Pages and documents set in a layout table (a whole notice in one cell, a banner beside it) are
// not data: a row is read as a row only when its cells hold no table and at most this much text
// (UTF-8 bytes, some 300 characters); otherwise its cells are read as blocks, line by line.
inline constexpr size_t kMaxRowBytes = 900;

// `text` without the spaces at its ends and without control characters (tab becomes a space);
// runs of ASCII white space inside are kept unless `collapse` (HTML, DOCX, PDF) is set.
std::string tidy_line(std::string_view text, bool collapse = false);

} // namespace kaowu::import
