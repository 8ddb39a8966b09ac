#include "import/plain_text.hpp"

#include <string>

#include "bind/markdown_limits.hpp"
#include "import/document_lines.hpp"

namespace kaowu::import {
namespace {

// Splits text into its lines, calling `each(line, number)`; stops when `each` returns false.
template <typename F>
bool for_each_line(std::string_view text, F each) {
  int number = 1;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r' && text[i] != '\f') continue;
    if (!each(text.substr(start, i - start), number)) return false;
    if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (i < text.size() && text[i] != '\f') ++number;
    start = i + 1;
  }
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Cells separated by `sep` (a Markdown pipe not escaped with '\', or a tab).
std::vector<std::string> cells_of(std::string_view line, char sep) {
  std::vector<std::string> cells(1);
  for (size_t i = 0; i < line.size(); ++i) {
    if (sep == '|' && line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cells.back() += '|';
      ++i;
    } else if (line[i] == sep) {
      cells.emplace_back();
    } else {
      cells.back() += line[i];
    }
  }
  return cells;
}

// The text of a Markdown line outside tables: quote marks, an ATX heading's marks, a bullet and
// ** emphasis dropped; backslash escapes of punctuation undone.
std::string markdown_text(std::string_view line) {
  line = trimmed(line);
  while (!line.empty() && line.front() == '>') line = trimmed(line.substr(1));
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && (hashes == line.size() || line[hashes] == ' ')) {
    line = trimmed(line.substr(hashes));
    while (!line.empty() && line.back() == '#') line.remove_suffix(1);
  }
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
    line = trimmed(line.substr(2));
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line.substr(i, 2) == "**") {
      ++i;
      continue;
    }
    if (line[i] == '\\' && i + 1 < line.size() && std::string_view("\\`*_{}[]()#+-.!|<>").find(line[i + 1]) != std::string_view::npos) {
      out += line[++i];
      continue;
    }
    out += line[i];
  }
  return out;
}

} // namespace

bool read_plain_text(std::string_view utf8, std::vector<DocumentLine>& lines) {
  LineCollector out(lines);
  return for_each_line(utf8, [&](std::string_view line, int number) {
    std::string_view t = trimmed(line);
    if (t.find('\t') != std::string_view::npos) return out.add_row(cells_of(t, '\t'), number);
    return out.add(line, number);
  });
}

bool read_markdown(std::string_view utf8, std::vector<DocumentLine>& lines) {
  LineCollector out(lines);
  // A table is the line above a delimiter row and the lines below it up to a blank line; the
  // header is known only at the delimiter, so each line waits one step before it is added.
  std::string_view held;
  int held_number = 0;
  bool have_held = false, in_table = false;
  auto add_table_row = [&](std::string_view row, int number) {
    std::string_view t = trimmed(row);
    if (!t.empty() && t.front() == '|') t.remove_prefix(1);
    if (!t.empty() && t.back() == '|' && (t.size() < 2 || t[t.size() - 2] != '\\')) t.remove_suffix(1);
    std::vector<std::string> cells = cells_of(t, '|');
    for (std::string& cell : cells) cell = markdown_text(cell);
    return out.add_row(cells, number);
  };
  auto flush = [&]() {
    if (!have_held) return true;
    have_held = false;
    return in_table ? add_table_row(held, held_number) : out.add(markdown_text(held), held_number);
  };
  bool ok = for_each_line(utf8, [&](std::string_view line, int number) {
    if (trimmed(line).empty()) {
      if (!flush()) return false;
      in_table = false;
      return true;
    }
    if (!in_table && have_held && held.find('|') != std::string_view::npos && is_delimiter_row(line)) {
      in_table = true;
      return flush(); // the header row; the delimiter itself is no text
    }
    if (!flush()) return false;
    held = line, held_number = number, have_held = true;
    return true;
  });
  return ok && flush();
}

} // namespace kaowu::import
