#include "import/date_scan.hpp"

#include <array>

namespace kaowu::import {

bool has_at(const std::string& text, size_t at, std::string_view word) {
  return at <= text.size() && text.compare(at, word.size(), word) == 0;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Num {
  size_t begin = 0, end = 0;
  long value = 0;
};

std::optional<Num> read_num(const std::string& t, size_t at) {
  if (at >= t.size() || !is_digit(t[at])) return std::nullopt;
  Num n{at, at, 0};
  while (n.end < t.size() && is_digit(t[n.end])) {
    if (n.end - at < 9) n.value = n.value * 10 + (t[n.end] - '0');
    ++n.end;
  }
  return n;
}

// One date as written: [YYYY年][M月]D[日|号], with its weekday note and time.
struct Point {
  int year = 0;
  unsigned month = 0, day = 0;
  bool has_year = false, has_month = false, has_ri = false;
  size_t begin = 0, end = 0;
  int weekday = -1;
  size_t wd_begin = 0, wd_end = 0;
  std::string time;
};

struct Rejection {
  size_t begin = 0, end = 0;
  const char* en = "";
  const char* zh = "";
};

// A point, nothing (not a date here), or a rejection of something date-like.
struct PointResult {
  std::optional<Point> point;
  std::optional<Rejection> rejected;
};

constexpr std::array<std::pair<std::string_view, int>, 8> kWeekdayNames = {{
    {"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6}, {"日", 0}, {"天", 0}}};

// "(星期一)", "（周一）", "星期一" at `at`: the weekday and where the note ends.
std::optional<std::pair<int, size_t>> weekday_note(const std::string& t, size_t at) {
  size_t p = at;
  bool paren = p < t.size() && t[p] == '(';
  if (paren) ++p;
  size_t word = 0;
  for (std::string_view w : {"星期", "礼拜", "周"})
    if (has_at(t, p, w)) {
      word = w.size();
      break;
    }
  if (word == 0) return std::nullopt;
  p += word;
  for (auto [name, wd] : kWeekdayNames)
    if (has_at(t, p, name)) {
      p += name.size();
      if (paren) {
        if (p >= t.size() || t[p] != ')') return std::nullopt;
        ++p;
      }
      return std::pair{wd, p};
    }
  return std::nullopt;
}

// "8:30", "24:00" at `at` (no more than two digits before the colon, two after).
std::optional<std::pair<std::string, size_t>> clock(const std::string& t, size_t at) {
  auto h = read_num(t, at);
  if (!h || h->end - h->begin > 2 || h->end >= t.size() || t[h->end] != ':') return std::nullopt;
  auto m = read_num(t, h->end + 1);
  if (!m || m->end - m->begin != 2 || h->value > 24 || m->value > 59 || (h->value == 24 && m->value != 0)) return std::nullopt;
  std::string text{static_cast<char>('0' + h->value / 10), static_cast<char>('0' + h->value % 10), ':',
                   static_cast<char>('0' + m->value / 10), static_cast<char>('0' + m->value % 10)};
  return std::pair{text, m->end};
}

size_t skip_daypart(const std::string& t, size_t at) {
  for (std::string_view w : {"上午", "下午", "中午", "晚上", "早上"})
    if (has_at(t, at, w)) return at + w.size();
  return at;
}

// "上午8:30-11:30", "9:00", "24:00" at `at`: the text ("08:30-11:30") and its end.
std::optional<std::pair<std::string, size_t>> time_range(const std::string& t, size_t at) {
  size_t p = skip_daypart(t, at);
  auto a = clock(t, p);
  if (!a) return std::nullopt;
  p = a->second;
  for (std::string_view c : {"-", "至", "到"})
    if (has_at(t, p, c)) {
      if (auto b = clock(t, skip_daypart(t, p + c.size())); b && b->first > a->first) return std::pair{a->first + "-" + b->first, b->second};
      break;
    }
  return a;
}

PointResult read_point(const std::string& t, size_t at, bool need_month) {
  PointResult r;
  auto n = read_num(t, at);
  if (!n) return r;
  Point p;
  p.begin = at;
  if (has_at(t, n->end, "年")) {
    if (n->end - n->begin != 4) {
      // 工作满2年 is no date; 12022年4月 is one run into a number.
      auto month = read_num(t, n->end + 3);
      if (!month || !has_at(t, month->end, "月")) return r;
      // The whole date is left out, not only its year: 3月1日 alone would take the exam's year.
      size_t end = month->end + 3;
      if (auto day = read_num(t, end)) end = day->end + (has_at(t, day->end, "日") ? 3 : 0);
      r.rejected = Rejection{at, end, "a year is four digits: list numbering or another number run into a date?",
                             "年份应为四位数字：可能是序号或其他数字与日期连写"};
      return r;
    }
    if (n->value < 2000 || n->value > 2099) {
      r.rejected = Rejection{at, n->end + 3, "a year outside 2000-2099", "年份不在 2000–2099 之间"};
      return r;
    }
    p.year = static_cast<int>(n->value);
    p.has_year = true;
    n = read_num(t, n->end + 3);
    if (!n || !has_at(t, n->end, "月")) return r; // a year alone, or 2024年度: not a date
  }
  if (has_at(t, n->end, "月")) {
    if (n->end - n->begin > 2 || n->value < 1 || n->value > 12) {
      r.rejected = Rejection{n->begin, n->end + 3, "not a month (1-12): list numbering run into a date?",
                             "不是月份（1–12）：可能是序号与日期连写"};
      return r;
    }
    p.month = static_cast<unsigned>(n->value);
    p.has_month = true;
    size_t after = n->end + 3;
    n = read_num(t, after);
    if (!n) {
      if (p.has_year) r.rejected = Rejection{at, after, "a month without a day", "只有月份，没有具体日期"};
      return r;
    }
  } else if (need_month) {
    return r;
  }
  if (n->end - n->begin > 2 || n->value < 1 || n->value > 31) {
    r.rejected = Rejection{at, n->end, "not a day of a month", "不是有效的日"};
    return r;
  }
  p.day = static_cast<unsigned>(n->value);
  p.end = n->end;
  if (has_at(t, p.end, "日") || has_at(t, p.end, "号")) {
    p.has_ri = true;
    p.end += 3;
    if (auto wd = weekday_note(t, p.end)) {
      p.weekday = wd->first;
      p.wd_begin = p.end;
      p.wd_end = wd->second;
      p.end = wd->second;
    }
    if (auto tm = time_range(t, p.end)) {
      p.time = tm->first;
      p.end = tm->second;
    }
  }
  r.point = p;
  return r;
}

bool ends_with_any(const std::string& t, size_t at, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (at >= w.size() && t.compare(at - w.size(), w.size(), w) == 0) return true;
  return false;
}

// Chinese or Arabic small count at `at` (两, 一, 2): value and end.
std::optional<std::pair<int, size_t>> count(const std::string& t, size_t at) {
  if (auto n = read_num(t, at); n && n->end - n->begin <= 2) return std::pair{static_cast<int>(n->value), n->end};
  constexpr std::array<std::pair<std::string_view, int>, 7> words = {
      {{"一", 1}, {"两", 2}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6}}};
  for (auto [w, v] : words)
    if (has_at(t, at, w)) return std::pair{v, at + w.size()};
  return std::nullopt;
}

void scan_relatives(const std::string& t, LineScan& out) {
  for (size_t i = 0; i < t.size(); ++i) {
    size_t p = 0;
    for (std::string_view w : {"考试结束后", "考试后", "考后"})
      if (has_at(t, i, w)) {
        p = i + w.size();
        break;
      }
    if (p == 0) continue;
    if (has_at(t, p, "约")) p += 3;
    auto c = count(t, p);
    if (!c) continue;
    size_t q = c->second;
    RelativeMention rel{i, 0, 0, 0};
    if (has_at(t, q, "个月")) rel.months = c->first, rel.end = q + 6;
    else if (has_at(t, q, "周")) rel.days = 7 * c->first, rel.end = q + 3;
    else if (has_at(t, q, "天")) rel.days = c->first, rel.end = q + 3;
    else continue;
    if (rel.months > 12 || rel.days > 120 || (rel.months == 0 && rel.days == 0)) continue;
    out.relatives.push_back(rel);
    i = rel.end - 1;
  }
}

} // namespace

LineScan scan_line(const NormalizedLine& line, const ScanContext& context) {
  const std::string& t = line.text;
  LineScan out;
  // The line is a year alone ("2022年", a table cell above "4月9日").
  {
    size_t b = t.find_first_not_of(' '), e = t.find_last_not_of(' ');
    if (b != std::string::npos && e - b + 1 == 7 && has_at(t, b + 4, "年")) {
      auto n = read_num(t, b);
      if (n && n->end == b + 4 && n->value >= 2000 && n->value <= 2099) out.year_only = static_cast<int>(n->value);
    }
  }
  int line_year = context.carried_year; // the last year written on this line (or carried to it)
  unsigned line_month = 0;
  for (size_t i = 0; i < t.size();) {
    if (!is_digit(t[i]) || (i > 0 && is_digit(t[i - 1]))) {
      ++i;
      continue;
    }
    if (has_at(t, read_num(t, i)->end, "年度") && !out.fiscal_year) {
      auto n = read_num(t, i);
      if (n->end - n->begin == 4) out.fiscal_year = static_cast<int>(n->value);
    }
    PointResult first = read_point(t, i, true);
    auto skip = [&] { i = read_num(t, i)->end; };
    if (first.rejected) {
      out.rejected.push_back({first.rejected->begin, first.rejected->end, first.rejected->en, first.rejected->zh});
      i = first.rejected->end;
      continue;
    }
    if (!first.point) {
      skip();
      continue;
    }
    std::vector<Point> points{*first.point};
    MentionForm form = MentionForm::day;
    size_t q = points.back().end;
    // A list: 4月15、16、22、23日, 1月4日、5日.
    while (has_at(t, q, "、")) {
      PointResult next = read_point(t, q + 3, false);
      if (!next.point) break;
      points.push_back(*next.point);
      q = next.point->end;
      form = MentionForm::list;
    }
    // A range: 至 到 - 起至 (…止).
    if (form == MentionForm::day) {
      for (std::string_view c : {"起至", "起到", "-", "至", "到"})
        if (has_at(t, q, c)) {
          PointResult next = read_point(t, q + c.size(), false);
          if (next.point && next.point->has_ri) {
            points.push_back(*next.point);
            q = next.point->end;
            if (has_at(t, q, "止")) q += 3;
            form = MentionForm::range;
          }
          break;
        }
    }
    if (!points.back().has_ri) {
      // "3月1" and nothing after: not a date this scanner can be sure of.
      out.rejected.push_back({i, q, "a day without 日", "日期缺少“日”字"});
      i = q;
      continue;
    }
    // Years and months: written, inherited from the point before, else from the line, the year
    // written alone above, or the exam year (a November or December date belongs to the year
    // before the exam).
    DateMention m;
    m.form = form;
    m.begin = i;
    m.end = q;
    m.year_stated = points.front().has_year;
    bool ok = true;
    int year = 0;
    unsigned month = 0;
    for (size_t k = 0; k < points.size() && ok; ++k) {
      Point& p = points[k];
      if (!p.has_month) p.month = month;
      if (p.has_year) year = p.year;
      else if (k > 0) year += p.month < month ? 1 : 0;
      else if (line_year) year = line_year + (line_month && p.month < line_month ? 1 : 0);
      else if (context.exam_year) year = p.month >= 11 && context.december_before ? context.exam_year - 1 : context.exam_year;
      else {
        out.rejected.push_back({i, q, "no year: the notice states no exam year to give it one", "没有年份，通知中也找不到考试年度"});
        ok = false;
        break;
      }
      month = p.month;
      auto d = Date::from_ymd(year, p.month, p.day);
      if (!d) {
        out.rejected.push_back({p.begin, p.end, "no such day", "日期不存在"});
        ok = false;
        break;
      }
      if (!m.days.empty() && *d < m.days.back()) {
        out.rejected.push_back({i, q, "the dates run backwards", "日期前后颠倒"});
        ok = false;
        break;
      }
      m.days.push_back(*d);
      if (p.weekday >= 0) m.weekdays.push_back({*d, static_cast<unsigned>(p.weekday), p.wd_begin, p.wd_end});
      if (!p.time.empty()) m.time = p.time;
    }
    i = q;
    if (!ok) continue;
    if (points.front().has_year || line_year) {
      line_year = year;
      line_month = month;
    }
    if (form == MentionForm::day) {
      if (ends_with_any(t, m.begin, {"截止时间为", "截止日期为", "截止时间是", "截止日期是", "截止时间:", "截止日期:", "截止到",
                                     "截止至", "截至", "截止", "最迟于", "最晚于"}) ||
          has_at(t, q, "前") || has_at(t, q, "之前") || has_at(t, q, "以前") || has_at(t, q, "截止"))
        m.form = MentionForm::deadline;
      else if ((has_at(t, q, "起") && !has_at(t, q, "起至")) || has_at(t, q, "开始"))
        m.form = MentionForm::from;
    }
    out.mentions.push_back(std::move(m));
  }
  scan_relatives(t, out);
  // Times of day that no date took (a table's 09:00-11:00 cell, "上午8:30-11:30" after a range).
  for (size_t i = 0; i < t.size();) {
    bool inside = false;
    for (const DateMention& m : out.mentions)
      if (i >= m.begin && i < m.end) {
        i = m.end;
        inside = true;
        break;
      }
    if (inside) continue;
    if (is_digit(t[i]) && (i == 0 || !is_digit(t[i - 1]))) {
      size_t b = i;
      if (auto tm = time_range(t, i)) {
        out.times.push_back({b, tm->second, tm->first});
        i = tm->second;
        continue;
      }
    }
    ++i;
  }
  return out;
}

} // namespace kaowu::import
