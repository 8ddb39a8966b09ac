#include "diag/source_map.hpp"

namespace kaowu {

void SourceMap::add(const std::string& path, std::string text) {
  File f;
  f.head = std::move(text);
  files_[path] = std::move(f);
}

void SourceMap::absorb(SourceMap&& other) {
  files_.merge(other.files_);
  other.files_.clear();
}

void SourceMap::borrow_tail(const std::string& path, std::string_view tail) {
  auto it = files_.find(path);
  if (it == files_.end()) return;
  File& f = it->second;
  if (!f.tail.empty() || tail.empty() || tail.size() > f.head.size()) return;
  size_t at = f.head.size() - tail.size();
  if ((at > 0 && f.head[at - 1] != '\n') || f.head.compare(at, std::string::npos, tail.data(), tail.size()) != 0)
    return;
  f.head.resize(at);
  f.head.shrink_to_fit();
  f.tail = tail;
  f.line_starts.clear();
}

std::string_view SourceMap::line(const std::string& path, unsigned line) const {
  auto it = files_.find(path);
  if (it == files_.end() || line == 0) return {};
  const File& f = it->second;
  if (f.line_starts.empty()) {
    f.line_starts.push_back(0);
    for (size_t i = 0; i < f.head.size(); ++i)
      if (f.head[i] == '\n') f.line_starts.push_back(i + 1);
    for (size_t i = 0; i < f.tail.size(); ++i)
      if (f.tail[i] == '\n') f.line_starts.push_back(f.head.size() + i + 1);
  }
  if (line > f.line_starts.size()) return {};
  size_t pos = f.line_starts[line - 1];
  // The tail starts a line, so a line lies wholly in the head or wholly in the tail.
  std::string_view text = f.head;
  if (pos >= f.head.size() && !f.tail.empty()) {
    text = f.tail;
    pos -= f.head.size();
  }
  size_t end = text.find('\n', pos);
  std::string_view out = text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

namespace {
// Decodes one code point; advances i. Invalid bytes count as one narrow character.
char32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (i + static_cast<size_t>(extra) >= s.size() + (extra ? 0 : 1)) {
    ++i;
    return c;
  }
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(extra) + 1;
  return cp;
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}
} // namespace

size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    width += cp == '\t' ? 4 : is_wide(cp) ? 2 : 1;
  }
  return width;
}

size_t byte_offset_of_column(std::string_view s, unsigned column) {
  size_t i = 0;
  for (unsigned c = 1; c < column && i < s.size(); ++c) next_code_point(s, i);
  return i;
}

} // namespace kaowu
