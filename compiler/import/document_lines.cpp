#include "import/document_lines.hpp"

#include "import/document_limits.hpp"

namespace kaowu::import {
namespace {

// The length of a space at the start of `s` (ASCII white space, U+00A0 or U+3000), or 0.
size_t space_at(std::string_view s) {
  if (s.empty()) return 0;
  char c = s[0];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (s.substr(0, 2) == "\xC2\xA0") return 2;
  if (s.substr(0, 3) == "\xE3\x80\x80") return 3;
  return 0;
}

// The length of a space ending `s`, or 0.
size_t space_before_end(std::string_view s) {
  if (s.empty()) return 0;
  if (space_at(s.substr(s.size() - 1)) == 1) return 1;
  if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") return 2;
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return 3;
  return 0;
}

} // namespace

std::string tidy_line(std::string_view text, bool collapse) {
  while (size_t n = space_at(text)) text.remove_prefix(n);
  while (size_t n = space_before_end(text)) text.remove_suffix(n);
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool ascii_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (ascii_space || (collapse && nbsp)) {
      if (nbsp) ++i;
      if (collapse && in_space) continue;
      out += ' ';
      in_space = true;
      continue;
    }
    in_space = false;
    if (c < 0x20 || c == 0x7F) continue;
    // C1 controls (U+0080–U+009F, C2 80–C2 9F) are invisible leftovers of a wrong conversion.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

bool LineCollector::add(std::string_view text, int number, int page) {
  if (full_) return false;
  std::string line = tidy_line(text);
  if (line.empty()) return true;
  if (bytes_ + line.size() > kMaxTextBytes) {
    full_ = true;
    return false;
  }
  bytes_ += line.size() + 1;
  lines_.push_back(DocumentLine{std::move(line), number, page});
  return true;
}

bool LineCollector::add_row(const std::vector<std::string>& cells, int number, int page) {
  std::string row;
  for (const std::string& cell : cells) {
    std::string text = tidy_line(cell, true);
    if (text.empty()) continue;
    if (!row.empty()) row += kCellSeparator;
    row += text;
  }
  return add(row, number, page);
}

namespace {
bool has_text(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return true;
  return false;
}
} // namespace

int BlockText::next_number(int source_line) { return by_source_ ? source_line : ++counter_; }

void BlockText::text(std::string_view utf8, int source_line) {
  if (in_row()) {
    if (cells_.empty()) cells_.emplace_back();
    cells_.back() += utf8;
    if (by_source_ && row_number_ == 0 && has_text(utf8)) row_number_ = source_line;
    return;
  }
  if (!pending_ && has_text(utf8)) pending_ = true, line_number_ = source_line;
  line_ += utf8;
}

void BlockText::flush() {
  if (pending_) out_.add(tidy_line(line_, true), next_number(line_number_));
  line_.clear();
  pending_ = false;
}

void BlockText::line_break() {
  if (in_row()) text(" ");
  else flush();
}

void BlockText::block_boundary() { line_break(); }

void BlockText::begin_row(int source_line) {
  if (in_row()) {
    text(" "); // a table in a cell: its rows read on in the cell
    ++row_depth_;
    return;
  }
  flush();
  cells_.clear();
  row_depth_ = 1;
  row_number_ = source_line;
}

void BlockText::begin_cell() {
  if (row_depth_ == 1) cells_.emplace_back();
  else if (in_row()) text(" ");
  else block_boundary(); // a cell outside any row (broken HTML): a block of its own
}

void BlockText::end_row() {
  if (row_depth_ == 0) return;
  if (--row_depth_ > 0) return;
  bool any = false;
  for (const std::string& c : cells_) any = any || has_text(c);
  if (any) out_.add_row(cells_, next_number(row_number_));
  cells_.clear();
}

bool BlockText::finish() {
  while (in_row()) end_row();
  flush();
  return !out_.full();
}

} // namespace kaowu::import
