#include "bind/markdown_limits.hpp"

#include <string_view>
#include <vector>

namespace kaowu {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A row's cells, as GFM splits them: at unescaped pipes, not counting a leading or trailing one
// (a pipe in a code span is counted too, so this bounds the cells from above).
size_t cells(std::string_view line) {
  line = trim(line);
  size_t pipes = 0;
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
  size_t n = pipes + 1;
  if (!line.empty() && line.front() == '|') --n;
  if (line.size() > 1 && line.back() == '|' && line[line.size() - 2] != '\\') --n;
  return n == 0 ? 1 : n;
}

// The blockquote and list markers a line opens at its start ("> > - 1. x" opens four), and the
// byte offset of the one past kMaxBlockNesting, if any.
struct Nesting {
  size_t markers = 0;
  size_t past_bound = 0;
};

Nesting nesting(std::string_view line) {
  Nesting out;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    size_t marker = 0; // its length
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '>') marker = 1;
    else if ((c == '-' || c == '+' || c == '*') && i + 1 < line.size() && (line[i + 1] == ' ' || line[i + 1] == '\t'))
      marker = 1;
    else if (c >= '0' && c <= '9') {
      size_t j = i;
      while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9') ++j;
      if (j + 1 < line.size() && (line[j] == '.' || line[j] == ')') && (line[j + 1] == ' ' || line[j + 1] == '\t'))
        marker = j + 1 - i;
    }
    if (marker == 0) break;
    if (++out.markers == kMaxBlockNesting + 1) out.past_bound = i;
    i += marker;
  }
  return out;
}

} // namespace

// |---|:--:| or ---|--- : only pipes, dashes, colons and blanks, with a dash and a pipe.
bool is_delimiter_row(std::string_view line) {
  line = trim(line);
  bool dash = false, pipe = false;
  for (char c : line) {
    if (c == '-') dash = true;
    else if (c == '|') pipe = true;
    else if (c != ':' && c != ' ' && c != '\t') return false;
  }
  return dash && pipe;
}


bool within_markdown_limits(const Notice& notice, DiagnosticSink& sink) {
  std::vector<std::string_view> lines;
  std::string_view body(notice.body);
  for (size_t pos = 0; pos <= body.size();) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    lines.push_back(body.substr(pos, end - pos));
    pos = end + 1;
  }
  bool ok = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    Nesting n = nesting(lines[i]);
    if (n.markers <= kMaxBlockNesting) continue;
    // Markers are ASCII: the column is the byte offset plus one.
    uint32_t line = notice.body_line + static_cast<uint32_t>(i);
    sink.report(DiagKind::markdown_too_deep, Location{notice.file, line, static_cast<uint32_t>(n.past_bound + 1), 0},
                {std::to_string(n.markers), std::to_string(kMaxBlockNesting)});
    ok = false;
    break; // the first such line: the others are most likely the same slip
  }
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!is_delimiter_row(lines[i + 1]) || trim(lines[i]).empty()) continue;
    size_t columns = cells(lines[i]);
    size_t rows = 0, j = i + 2;
    while (j < lines.size() && !trim(lines[j]).empty()) {
      ++rows;
      ++j;
    }
    if (columns > kMaxTableColumns || columns * (rows + 1) > kMaxTableCells) {
      uint32_t line = notice.body_line + static_cast<uint32_t>(i);
      sink.report(DiagKind::markdown_too_large, Location{notice.file, line, 1, 0},
                  {std::to_string(columns), std::to_string(rows), std::to_string(kMaxTableColumns),
                   std::to_string(kMaxTableCells)});
      ok = false;
    }
    i = j - 1;
  }
  return ok;
}

} // namespace kaowu
