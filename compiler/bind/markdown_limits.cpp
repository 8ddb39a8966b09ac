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

} // namespace

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
