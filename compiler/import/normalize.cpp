#include "import/normalize.hpp"

#include <algorithm>
#include <cctype>

namespace kaowu::import {
namespace {

struct CodePoint {
  char32_t cp;
  uint32_t at;  // byte offset in the line
  uint32_t len; // bytes
};

// Decodes leniently: a byte that starts no valid sequence stands for itself (the readers hand
// over UTF-8, but the scanner must not stall on a stray byte).
std::vector<CodePoint> decode(std::string_view s) {
  std::vector<CodePoint> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    uint32_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (uint32_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c >> 6) != 2) {
        len = 1;
        cp = b;
        break;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    out.push_back({cp, static_cast<uint32_t>(i), len});
    i += len;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The ASCII a notice's full-width or typographic character stands for, or 0.
char32_t fold(char32_t cp) {
  if (cp >= 0xFF10 && cp <= 0xFF19) return U'0' + (cp - 0xFF10);
  if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) return cp - 0xFEE0;
  switch (cp) {
  case U'：': case U'∶': case U'﹕': return U':';
  case U'－': case U'—': case U'–': case U'―': case U'‐': case U'‑': case U'−': case U'~': case U'～': case U'〜':
  case U'﹣': return U'-';
  case U'（': return U'(';
  case U'）': return U')';
  case U'，': return U',';
  case U'．': return U'.';
  case U'／': return U'/';
  case U'；': return U';';
  case U'　': case U'\t': case 0xA0: return U' ';
  default: return 0;
  }
}

int numeral_value(char32_t cp) {
  switch (cp) {
  case U'〇': case U'零': case U'○': case U'О': return 0;
  case U'一': return 1;
  case U'二': case U'两': return 2;
  case U'三': return 3;
  case U'四': return 4;
  case U'五': return 5;
  case U'六': return 6;
  case U'七': return 7;
  case U'八': return 8;
  case U'九': return 9;
  case U'十': return 10;
  default: return -1;
  }
}

// 十二 → 12, 二十三 → 23, 三十 → 30, 十 → 10, 九 → 9; -1 when the run is not such a number.
int small_number(const std::vector<CodePoint>& cps, size_t from, size_t to) {
  int value = 0, digit = -1;
  bool ten = false;
  for (size_t i = from; i < to; ++i) {
    int v = numeral_value(cps[i].cp);
    if (v == 10) {
      if (ten) return -1;
      ten = true;
      value = (digit < 0 ? 1 : digit) * 10;
      digit = -1;
    } else {
      if (digit >= 0) return -1;
      digit = v;
    }
  }
  if (digit > 0 || (digit == 0 && !ten)) value += digit;
  return value;
}

bool is_date_char(char32_t c) {
  return (c >= U'0' && c <= U'9') || c == U'年' || c == U'月' || c == U'日' || c == U'号' || c == U'-' ||
         c == U':' || c == U'、';
}

} // namespace

std::string_view NormalizedLine::original(std::string_view line, size_t begin, size_t end) const {
  if (begin >= origin.size() || begin >= end) return {};
  size_t from = origin[begin];
  size_t to = end < origin.size() ? origin[end] : line.size();
  // A byte that ends text may come from a multi-byte character: take that character whole.
  if (end < origin.size() && origin[end] == origin[end - 1]) {
    while (to < line.size() && (static_cast<unsigned char>(line[to]) >> 6) == 2) ++to;
  }
  return line.substr(from, to > from ? to - from : 0);
}

uint32_t column_of(std::string_view text, size_t offset) {
  uint32_t col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) >> 6) != 2) ++col;
  return col;
}

uint32_t NormalizedLine::column(std::string_view line, size_t i) const {
  return column_of(line, i < origin.size() ? origin[i] : line.size());
}

NormalizedLine normalize_line(std::string_view line) {
  std::vector<CodePoint> cps = decode(line);
  // Pass 1: fold characters, and write Chinese numerals of a date (二〇二四年, 十二月, 二十日) as
  // digits. A numeral run counts only directly before 年 (four digits), 月 or 日/号 after a month.
  std::vector<CodePoint> folded;
  folded.reserve(cps.size());
  for (size_t i = 0; i < cps.size();) {
    size_t j = i;
    while (j < cps.size() && numeral_value(cps[j].cp) >= 0) ++j;
    if (j > i && j < cps.size()) {
      char32_t next = cps[j].cp;
      bool after_month = !folded.empty() && (folded.back().cp == U'月' || folded.back().cp == U'、' ||
                                             folded.back().cp == U'-' || folded.back().cp == U'至');
      std::string digits;
      if (next == U'年' && j - i == 4) {
        bool plain = std::all_of(cps.begin() + i, cps.begin() + j, [](const CodePoint& c) { return numeral_value(c.cp) < 10; });
        if (plain)
          for (size_t k = i; k < j; ++k) digits += static_cast<char>('0' + numeral_value(cps[k].cp));
      } else if (next == U'月' || ((next == U'日' || next == U'号') && after_month)) {
        int v = small_number(cps, i, j);
        if (v >= 1 && v <= (next == U'月' ? 12 : 31)) digits = std::to_string(v);
      }
      if (!digits.empty()) {
        for (char d : digits) folded.push_back({static_cast<char32_t>(d), cps[i].at, 0});
        i = j;
        continue;
      }
    }
    for (size_t run_end = std::max(j, i + 1); i < run_end && i < cps.size(); ++i) {
      char32_t f = fold(cps[i].cp);
      folded.push_back({f ? f : cps[i].cp, cps[i].at, cps[i].len});
    }
  }
  // Pass 2: drop spaces inside a date or time ("2020 年 12 月 29 日 - 2021 年"), and runs of
  // dashes ("——") become one.
  NormalizedLine out;
  out.text.reserve(line.size());
  out.origin.reserve(line.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    char32_t c = folded[i].cp;
    if (c == U' ') {
      size_t k = i;
      while (k < folded.size() && folded[k].cp == U' ') ++k;
      char32_t prev = out.text.empty() ? 0 : folded[i - 1].cp;
      char32_t next = k < folded.size() ? folded[k].cp : 0;
      if (prev && next && (is_date_char(prev) || is_date_char(next)) && !(prev < 0x80 && std::isalpha(static_cast<int>(prev))) &&
          !(next < 0x80 && std::isalpha(static_cast<int>(next)))) {
        i = k - 1;
        continue;
      }
    }
    if (c == U'-' && !out.text.empty() && out.text.back() == '-') continue;
    size_t before = out.text.size();
    append_utf8(out.text, c);
    out.origin.resize(out.text.size(), folded[i].at);
    (void)before;
  }
  return out;
}

} // namespace kaowu::import
