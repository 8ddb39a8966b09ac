#include "bind/notice_scan.hpp"

#include <algorithm>

namespace kaowu {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

uint32_t code_points(std::string_view s) {
  return static_cast<uint32_t>(std::count_if(s.begin(), s.end(), [](char c) { return !continuation(c); }));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int number(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// The literal-date patterns, matched at one position without backtracking: the length of the
// match at `i` (0 for none) and the date's parts.
struct DateMatcher {
  std::string_view s;

  // At most this many blanks between the parts of a date ("2024 年 4 月"): more is not a date,
  // and the bound keeps each attempt short.
  static constexpr size_t kMaxBlanks = 4;

  size_t blanks(size_t i) const {
    size_t n = 0;
    while (i + n < s.size() && n < kMaxBlanks && (s[i + n] == ' ' || s[i + n] == '\t')) ++n;
    return n;
  }
  size_t digits(size_t i, size_t min, size_t max) const {
    size_t n = 0;
    while (i + n < s.size() && n < max && is_digit(s[i + n])) ++n;
    return n >= min ? n : 0;
  }
  bool word(size_t i, std::string_view w) const { return s.substr(i, w.size()) == w; }

  // 4月13日, 4月13号, 4月13 followed by a range or list mark (4月13－14日, 4月13、14日).
  size_t month_day(size_t i, LiteralDate& d) const {
    size_t p = i, n;
    if (!(n = digits(p, 1, 2))) return 0;
    d.month = number(s.substr(p, n));
    p += n;
    p += blanks(p);
    if (!word(p, "月")) return 0;
    p += 3;
    p += blanks(p);
    if (!(n = digits(p, 1, 2))) return 0;
    d.day = number(s.substr(p, n));
    p += n;
    p += blanks(p);
    if (word(p, "日") || word(p, "号")) return p + 3 - i;
    for (std::string_view mark : {"-", "－", "—", "~", "至", "、"})
      if (word(p, mark)) return p - i;
    return 0;
  }
  // 2024年4月13日
  size_t year_month_day(size_t i, LiteralDate& d) const {
    size_t p = i;
    if (digits(p, 4, 4) != 4) return 0;
    d.year = number(s.substr(p, 4));
    p += 4;
    p += blanks(p);
    if (!word(p, "年")) return 0;
    p += 3;
    p += blanks(p);
    size_t n = month_day(p, d);
    return n ? p + n - i : 0;
  }
  // 2024-04-13, 2024/4/13, 2024.4.13
  size_t iso(size_t i, LiteralDate& d) const {
    size_t p = i, n;
    if (digits(p, 4, 4) != 4) return 0;
    d.year = number(s.substr(p, 4));
    p += 4;
    int parts[2] = {0, 0};
    for (int part = 0; part < 2; ++part) {
      if (p >= s.size() || (s[p] != '-' && s[p] != '/' && s[p] != '.')) return 0;
      ++p;
      if (!(n = digits(p, 1, 2))) return 0;
      parts[part] = number(s.substr(p, n));
      p += n;
    }
    d.month = parts[0];
    d.day = parts[1];
    return p - i;
  }
  size_t at(size_t i, LiteralDate& d) const {
    d = LiteralDate{};
    if (size_t n = year_month_day(i, d)) return n;
    d = LiteralDate{};
    if (size_t n = month_day(i, d)) return n;
    d = LiteralDate{};
    return iso(i, d);
  }
};

} // namespace

Location NoticeCursor::at(size_t offset, size_t length) {
  std::string_view body(notice_.body);
  if (offset < offset_) { // asked out of order: start again
    offset_ = 0;
    column_ = 0;
    line_ = notice_.body_line;
  }
  for (; offset_ < offset && offset_ < body.size(); ++offset_) {
    if (body[offset_] == '\n') {
      ++line_;
      column_ = 0;
    } else if (!continuation(body[offset_])) {
      ++column_;
    }
  }
  uint32_t col = column_ + 1;
  return Location{notice_.file, line_, col, col + code_points(body.substr(offset, length))};
}

std::vector<PlaceholderUse> scan_placeholders(const Notice& notice, DiagnosticSink& sink) {
  std::vector<PlaceholderUse> uses;
  const std::string& body = notice.body;
  NoticeCursor cursor(notice);
  size_t i = 0;
  while ((i = body.find("{{", i)) != std::string::npos) {
    if (body.compare(i, 3, "{{{") == 0) {
      size_t run = i;
      while (run < body.size() && body[run] == '{') ++run;
      sink.report(DiagKind::notice_template_syntax, cursor.at(i, run - i), {body.substr(i, run - i)});
      i = run;
      continue;
    }
    size_t j = i + 2;
    while (j < body.size() && body[j] != '\n' && body[j] != '{' && !(body[j] == '}' && j + 1 < body.size() && body[j + 1] == '}'))
      ++j;
    if (j + 1 >= body.size() || body[j] != '}') {
      sink.report(DiagKind::unterminated_placeholder, cursor.at(i, 2));
      i += 2;
      continue;
    }
    std::string_view name = trim(std::string_view(body).substr(i + 2, j - i - 2));
    PlaceholderUse use{std::string(name), i, j + 2 - i};
    if (!name.empty() && std::string_view("#^/>=!&").find(name.front()) != std::string_view::npos)
      sink.report(DiagKind::notice_template_syntax, cursor.at(i, use.length), {body.substr(i, use.length)});
    else
      uses.push_back(std::move(use));
    i = j + 2;
  }
  return uses;
}

std::vector<LiteralDate> find_literal_dates(const Notice& notice, const std::vector<PlaceholderUse>& uses) {
  std::vector<LiteralDate> out;
  std::string_view body(notice.body);
  DateMatcher match{body};
  size_t next_use = 0;
  for (size_t i = 0; i < body.size();) {
    // Skip placeholders: their values are bound, whatever they say.
    while (next_use < uses.size() && uses[next_use].offset + uses[next_use].length <= i) ++next_use;
    if (next_use < uses.size() && uses[next_use].offset <= i) {
      i = uses[next_use].offset + uses[next_use].length;
      continue;
    }
    if (!is_digit(body[i])) {
      ++i;
      continue;
    }
    LiteralDate d;
    size_t n = match.at(i, d);
    if (n && next_use < uses.size() && i + n > uses[next_use].offset) n = 0; // runs into a placeholder
    if (n) {
      d.offset = i;
      d.length = n;
      out.push_back(d);
      i += n;
    } else {
      ++i;
    }
  }
  return out;
}

} // namespace kaowu
