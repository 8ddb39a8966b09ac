#include "import/extract.hpp"

#include <algorithm>
#include <array>

#include "import/date_scan.hpp"
#include "import/normalize.hpp"
#include "import/phase_words.hpp"
#include "text/zh_format.hpp"

namespace kaowu::import {
namespace {

struct Line {
  const DocumentLine* doc = nullptr;
  NormalizedLine norm;
  std::vector<PhaseWordHit> hits;
  LineScan scan;
  bool blank = true;
};

// The length of the clause (or, with `sentence`, sentence) separator at byte `at`, or 0.
size_t separator_at(const std::string& t, size_t at, bool sentence) {
  if (at >= t.size()) return 0;
  for (std::string_view s : {"。", ";", "!", "?", "！", "？"})
    if (has_at(t, at, s)) return s.size();
  if (sentence) return 0;
  if (t[at] == ',' || t[at] == '|') return 1;
  return has_at(t, at, "，") ? 3 : 0;
}

bool is_separator(const std::string& t, size_t at, bool sentence) { return separator_at(t, at, sentence) > 0; }

// Whether a separator ends just before byte `at`.
bool separator_ends_at(const std::string& t, size_t at, bool sentence) {
  for (size_t len : {1, 3})
    if (at >= len && separator_at(t, at - len, sentence) == len) return true;
  return false;
}

size_t boundary_before(const std::string& t, size_t at, bool sentence) {
  while (at > 0 && !separator_ends_at(t, at, sentence)) --at;
  return at;
}

size_t boundary_after(const std::string& t, size_t at, bool sentence) {
  while (at < t.size() && !is_separator(t, at, sentence)) ++at;
  return at;
}

// Code points of CJK ideographs in t[from, to): the words a line has besides its numbers.
size_t ideographs(const std::string& t, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to && i < t.size(); ++i) {
    auto b = static_cast<unsigned char>(t[i]);
    n += b >= 0xE4 && b <= 0xE9;
  }
  return n;
}

std::string trim(std::string_view s) {
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // The ideographic space is three bytes: trim it too.
  while (s.size() >= 3 && s.substr(0, 3) == "\u3000") s.remove_prefix(3);
  while (s.size() >= 3 && s.substr(s.size() - 3) == "\u3000") s.remove_suffix(3);
  return std::string(s);
}

// At most `limit` code points of `s`, with … when cut.
std::string shorten(const std::string& s, size_t limit) {
  size_t cps = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) >> 6) != 2) {
      if (cps == limit) return s.substr(0, i) + "…";
      ++cps;
    }
  }
  return s;
}

std::string original_trimmed(const Line& l) { return shorten(trim(l.doc->text), 80); }

// A line without its spaces: titles are often spaced out (关于 2021年度… 的通知).
std::string compact_text(const Line& l) {
  std::string out;
  for (char c : trim(l.doc->text))
    if (c != ' ' && c != '\t') out += c;
  return out;
}

struct Placement {
  const PhaseWordHit* hit = nullptr;
  const Line* line = nullptr;
};

// 报名 alone names registration, but also the means of every step (通过报名网站查询成绩,
// 报名考点领取收据): it places a date only where no other word does.
bool weak(const PhaseWordHit& h) { return h.word->word == "报名"; }

const PhaseWordHit* first_in(const Line& l, size_t from, size_t to) {
  const PhaseWordHit* fallback = nullptr;
  for (const PhaseWordHit& h : l.hits)
    if (h.begin >= from && h.end <= to) {
      if (!weak(h)) return &h;
      if (!fallback) fallback = &h;
    }
  return fallback;
}

const PhaseWordHit* last_in(const Line& l, size_t from, size_t to) {
  const PhaseWordHit *found = nullptr, *fallback = nullptr;
  for (const PhaseWordHit& h : l.hits)
    if (h.begin >= from && h.end <= to) (weak(h) ? fallback : found) = &h;
  return found ? found : fallback;
}

bool has_dates(const Line& l) { return !l.scan.mentions.empty(); }

// A line that starts an item of its own: (二) 现场确认, 二、, 2.途径 — not the sentence above run on.
bool enumerated(const Line& l) {
  const std::string& t = l.norm.text;
  size_t at = t.find_first_not_of(' ');
  if (at == std::string::npos) return false;
  if (t[at] >= '0' && t[at] <= '9') {
    while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
    return at < t.size() && (t[at] == '.' || has_at(t, at, "、"));
  }
  for (std::string_view n : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}) {
    if (has_at(t, at, n) && has_at(t, at + 3, "、")) return true;
    if (t[at] == '(' && has_at(t, at + 1, n)) return true;
  }
  return false;
}

// The ideographs of a line outside its dates: 0 for a table's date cell, many for a sentence.
size_t words_beside_dates(const Line& l) {
  size_t n = 0, at = 0;
  for (const DateMention& m : l.scan.mentions) {
    n += ideographs(l.norm.text, at, m.begin);
    at = m.end;
  }
  return n + ideographs(l.norm.text, at, l.norm.text.size());
}

class Extractor {
public:
  Extractor(const DocumentText& doc, DiagnosticSink& sink) : doc_(doc), sink_(sink) {}

  Extraction run() {
    lines_.reserve(doc_.lines.size());
    for (const DocumentLine& dl : doc_.lines) {
      Line l;
      l.doc = &dl;
      l.norm = normalize_line(dl.text);
      l.hits = find_phase_words(l.norm.text);
      l.blank = l.norm.text.find_first_not_of(' ') == std::string::npos;
      lines_.push_back(std::move(l));
    }
    out_.header.exam_year = exam_year();
    scan_all(out_.header.exam_year);
    read_header();
    for (size_t i = 0; i < lines_.size(); ++i) place_line(i);
    read_tba();
    return std::move(out_);
  }

private:
  const DocumentText& doc_;
  DiagnosticSink& sink_;
  std::vector<Line> lines_;
  Extraction out_;

  Citation cite(const Line& l, size_t begin, size_t end) const {
    Citation c;
    c.line = l.doc->number;
    c.column = l.norm.column(l.doc->text, begin);
    c.quote = trim(l.norm.original(l.doc->text, begin, end));
    c.text = original_trimmed(l);
    return c;
  }

  void scan_all(int exam_year) {
    int carried = 0;
    for (Line& l : lines_) {
      l.scan = scan_line(l.norm, ScanContext{exam_year, carried});
      if (!l.blank) carried = l.scan.year_only.value_or(0);
    }
  }

  // The notice's exam year: the 年度 of its title (the first lines), else the latest year its
  // dates write out.
  int exam_year() {
    scan_all(0);
    int seen = 0;
    for (const Line& l : lines_) {
      if (l.blank) continue;
      if (++seen > 15) break;
      if (l.scan.fiscal_year && l.norm.text.find("考试") != std::string::npos) return *l.scan.fiscal_year;
    }
    int latest = 0;
    for (const Line& l : lines_)
      for (const DateMention& m : l.scan.mentions)
        if (m.year_stated) latest = std::max(latest, m.days.front().year());
    return latest;
  }

  size_t next_nonblank(size_t i) const {
    for (size_t j = i + 1; j < lines_.size(); ++j)
      if (!lines_[j].blank) return j;
    return lines_.size();
  }

  // Issuer, number, title (the first lines) and the date of issue (a date alone under a
  // signature line).
  void read_header() {
    NoticeHeader& h = out_.header;
    int seen = 0;
    for (const Line& l : lines_) {
      if (l.blank) continue;
      if (++seen > 20) break;
      const std::string& t = l.norm.text;
      if (h.number.empty()) {
        size_t open = t.find("〔");
        size_t close = open == std::string::npos ? open : t.find("〕", open);
        size_t hao = close == std::string::npos ? close : t.find("号", close);
        if (hao != std::string::npos && hao - close <= 3 + 4 && close - open == 3 + 4) {
          size_t from = open;
          for (int k = 0; k < 8 && from >= 3 && ideographs(t, from - 3, from) == 1; ++k) from -= 3;
          std::string number = trim(l.norm.original(l.doc->text, from, hao + 3));
          if (!number.empty()) {
            h.number = number;
            h.number_cite = cite(l, from, hao + 3);
          }
        }
      }
      std::string compact = compact_text(l);
      if (h.title.empty() && compact.find("关于") != std::string::npos) {
        // A title broken over up to four lines (关于 / 2024年…考试 / 考务工作安排的通知).
        std::string title = compact;
        size_t at = static_cast<size_t>(&l - lines_.data());
        for (int more = 0; more < 4 && at < lines_.size(); ++more) {
          bool ends = false;
          for (std::string_view end : {"通知", "公告", "通告", "安排"})
            if (title.size() >= end.size() && title.compare(title.size() - end.size(), end.size(), end) == 0) ends = true;
          if (ends) {
            h.title = title;
            h.title_cite = cite(l, 0, l.norm.text.size());
            break;
          }
          at = next_nonblank(at);
          if (at < lines_.size()) title += compact_text(lines_[at]);
        }
      }
      if (h.issuer.empty() && compact.size() > 6 && compact.size() < 80 && compact.compare(compact.size() - 6, 6, "文件") == 0)
        h.issuer = compact.substr(0, compact.size() - 6);
    }
    if (h.issuer.empty() && !h.title.empty()) {
      size_t about = h.title.find("关于");
      if (about != std::string::npos && about > 0) h.issuer = h.title.substr(0, about);
    }
    // The date of issue: a line that is one full date and nothing else, under a line that names
    // who signs (…中心, …委员会, …考点). The last such wins.
    const Line* signature = nullptr;
    std::string signer;
    for (size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.blank) continue;
      if (l.scan.mentions.size() == 1 && l.scan.mentions[0].form == MentionForm::day && l.scan.mentions[0].year_stated &&
          ideographs(l.norm.text, 0, l.norm.text.size()) == 3 && signature) {
        const std::string sig = trim(signature->doc->text);
        bool signs = false;
        for (std::string_view s : {"中心", "委员会", "委", "厅", "局", "办公室", "考点", "考区", "院", "会", "处"})
          if (sig.size() >= s.size() && sig.compare(sig.size() - s.size(), s.size(), s) == 0) signs = true;
        if (signs && sig.size() < 90) {
          h.issued = l.scan.mentions[0].days.front();
          h.issued_cite = cite(l, l.scan.mentions[0].begin, l.scan.mentions[0].end);
          issued_line_ = i;
          signer = sig;
        }
      }
      signature = &l;
    }
    if (h.issuer.empty()) h.issuer = signer;
    if (h.title.find("高级") != std::string::npos) h.track = "高级";
    // A timetable whose header reads 工作内容 | 工作时间 puts a step's words before its date.
    for (const Line& l : lines_) {
      std::string c = compact_text(l);
      size_t content = c.find("工作内容"), time = c.find("工作时间");
      if (content == std::string::npos && time == std::string::npos) continue;
      label_before_ = content < time;
      break;
    }
  }
  size_t issued_line_ = static_cast<size_t>(-1);
  bool label_before_ = false;

  std::optional<Placement> place(size_t li, size_t begin, size_t end) const {
    const Line& l = lines_[li];
    const std::string& t = l.norm.text;
    size_t cs = boundary_before(t, begin, false), ce = boundary_after(t, end, false);
    size_t ss = boundary_before(t, begin, true), se = boundary_after(t, end, true);
    if (auto h = first_in(l, end, ce)) return Placement{h, &l};
    if (auto h = last_in(l, cs, begin)) return Placement{h, &l};
    if (auto h = first_in(l, ce, se)) return Placement{h, &l};
    if (auto h = last_in(l, ss, cs)) return Placement{h, &l};
    // A line that names its step first: 3、资格审核。考点可于5月4日起……
    if (auto h = last_in(l, 0, ss)) return Placement{h, &l};
    // A table row broken over lines, its words above the date (工作内容 | 工作时间).
    if (label_before_ && words_beside_dates(l) <= 2) {
      int looked = 0;
      for (size_t j = li; j-- > 0 && looked < 3;) {
        if (lines_[j].blank) continue;
        ++looked;
        if (has_dates(lines_[j])) break;
        if (auto h = last_in(lines_[j], 0, lines_[j].norm.text.size())) return Placement{h, &lines_[j]};
      }
    }
    // A sentence that runs on to the next line, or a table's date cell above its step.
    if (se == t.size()) {
      size_t n = next_nonblank(li);
      if (n < lines_.size() && !enumerated(lines_[n]) && (!has_dates(lines_[n]) || words_beside_dates(l) <= 2)) {
        const Line& next = lines_[n];
        if (auto h = first_in(next, 0, boundary_after(next.norm.text, 0, true))) return Placement{h, &next};
      }
    }
    return std::nullopt;
  }

  // The heading or table header above a line: the first phase word of the nearest line above
  // that has one and states no date of its own.
  std::optional<Placement> place_above(size_t li) const {
    int looked = 0;
    for (size_t j = li; j-- > 0 && looked < 10;) {
      const Line& l = lines_[j];
      if (l.blank) continue;
      ++looked;
      // A heading (二、报名, （二）现场确认) or a table's short cell (纸笔作答), never a sentence
      // or the title, whose words are about something else.
      if (has_dates(l) || !(enumerated(l) || ideographs(l.norm.text, 0, l.norm.text.size()) <= 12)) continue;
      if (!l.hits.empty()) return Placement{&l.hits.front(), &l};
    }
    return std::nullopt;
  }

  // 人机对话 or 纸笔 for exam days: on the line, else the nearest line above that says.
  std::string exam_mode(size_t li, const Placement& p) const {
    auto mode_of = [](const Line& l) -> std::string {
      for (const PhaseWordHit& h : l.hits) {
        if (h.word->word == "人机对话") return "cbt";
        if (h.word->word == "纸笔") return "paper";
      }
      if (l.norm.text.find("机考") != std::string::npos) return "cbt";
      return "";
    };
    if (auto m = mode_of(lines_[li]); !m.empty()) return m;
    if (auto m = mode_of(*p.line); !m.empty()) return m;
    int looked = 0;
    for (size_t j = li; j-- > 0 && looked < 12;) {
      if (lines_[j].blank) continue;
      ++looked;
      if (auto m = mode_of(lines_[j]); !m.empty()) return m;
    }
    return "";
  }

  void unused(const Line& l, size_t begin, size_t end, std::string en, std::string zh, bool dated, std::vector<Date> days = {}) {
    out_.unused.push_back({cite(l, begin, end), std::move(en), std::move(zh), dated, std::move(days)});
  }

  std::string phase_name(const Placement& p) const {
    const std::string& t = p.line->norm.text;
    size_t cs = boundary_before(t, p.hit->begin, false), ce = boundary_after(t, p.hit->end, false);
    std::string clause = trim(p.line->norm.original(p.line->doc->text, cs, ce));
    // Without a parenthesis: "现场确认（节假日休息）" is named 现场确认.
    for (std::string_view paren : {"（", "("})
      if (size_t at = clause.find(paren); at != std::string::npos && at > 0) clause = trim(clause.substr(0, at));
    size_t cps = 0;
    for (unsigned char c : clause) cps += (c >> 6) != 2;
    if (p.hit->word->kind.empty()) return shorten(clause, 30);
    if (cps <= 16 && clause.find(p.hit->word->word) != std::string::npos && !has_dates(*p.line)) return clause;
    std::string word(p.hit->word->word);
    if (p.hit->begin >= 6 && has_at(t, p.hit->begin - 6, "网上")) word = "网上" + word;
    return word;
  }

  // 节假日休息 on the date's line or on the line that names the step (a table's cell).
  bool closed_on_holidays(size_t li, const Line& named) const {
    for (const Line* l : {&lines_[li], &named}) {
      const std::string& t = l->norm.text;
      for (std::string_view w : {"节假日休息", "节假日除外", "法定节假日不", "节假日不"})
        if (t.find(w) != std::string::npos) return true;
    }
    return false;
  }

  // Hours of an in-person step: the times on its line, or on the next line when that line
  // holds only times ("上午9:00—11:30；下午13:30—16:30。").
  std::vector<std::string> hours(size_t li) const {
    std::vector<std::string> out;
    auto take = [&](const Line& l) {
      for (const TimeMention& tm : l.scan.times)
        if (tm.text.find('-') != std::string::npos && out.size() < 8) out.push_back(tm.text);
    };
    take(lines_[li]);
    size_t n = next_nonblank(li);
    if (out.empty() && n < lines_.size() && !has_dates(lines_[n]) && lines_[n].hits.empty()) take(lines_[n]);
    return out;
  }

  bool condition(const Line& l, size_t begin, size_t end) const {
    const std::string& t = l.norm.text;
    size_t cs = boundary_before(t, begin, false), ce = boundary_after(t, end, false);
    std::string clause = t.substr(cs, ce - cs);
    for (std::string_view w : {"学历", "年限", "毕业", "出生", "任职", "取得"})
      if (clause.find(w) != std::string::npos) return true;
    return false;
  }

  bool page_date(const Line& l, size_t begin) const {
    const std::string& t = l.norm.text;
    size_t cs = boundary_before(t, begin, false);
    std::string before = t.substr(cs, begin - cs);
    for (std::string_view w : {"发布时间", "发布日期", "发布于", "更新时间", "更新日期", "发文日期", "印发日期", "成文日期", "浏览"})
      if (before.find(w) != std::string::npos) return true;
    return false;
  }

  // Another step of the same kind already says this (the body restating the timetable), or
  // this is a day of a window already drafted (a site's day-by-day table).
  Fact* covering(const Fact& f) {
    for (Fact& a : out_.facts) {
      if (a.kind != f.kind || a.kind == "other") continue;
      if (a.timing == FactTiming::window || a.timing == FactTiming::days) {
        Date lo = a.timing == FactTiming::window ? a.start : a.days.front();
        Date hi = a.timing == FactTiming::window ? a.end : a.days.back();
        auto inside = [&](Date d) { return lo <= d && d <= hi; };
        if (f.timing == FactTiming::window && inside(f.start) && inside(f.end)) return &a;
        if (f.timing == FactTiming::days && std::all_of(f.days.begin(), f.days.end(), inside)) return &a;
        if (f.timing == FactTiming::deadline && f.end == hi) return &a;
        if (f.timing == FactTiming::from && f.start == lo) return &a;
      }
      if (a.timing == f.timing && a.timing == FactTiming::deadline && a.end == f.end) return &a;
      if (a.timing == f.timing && a.timing == FactTiming::from && a.start == f.start) return &a;
      if (a.timing == FactTiming::relative && f.timing == FactTiming::relative) return &a;
    }
    return nullptr;
  }

  // A day no phase word names that lies inside a window drafted a few lines above: a slot of it
  // (丰台's confirmation, one kind of unit a day), named by the line under it.
  bool as_slot(size_t li, const DateMention& m, const Citation& c) {
    if (m.form != MentionForm::day) return false;
    for (auto it = out_.facts.rbegin(); it != out_.facts.rend(); ++it) {
      Fact& a = *it;
      if (a.timing != FactTiming::window || c.line - a.cite.line > 30 || (a.kind != "confirmation" && a.kind != "military-data"))
        continue;
      Date d = m.days.front();
      if (d < a.start || d > a.end) continue;
      std::string who;
      const Line& l = lines_[li];
      std::string rest = trim(l.norm.original(l.doc->text, m.end, l.norm.text.size()));
      if (ideographs(rest, 0, rest.size()) >= 2) who = rest;
      size_t n = next_nonblank(li);
      if (who.empty() && n < lines_.size() && !has_dates(lines_[n]) && lines_[n].hits.empty() &&
          ideographs(lines_[n].norm.text, 0, lines_[n].norm.text.size()) >= 2)
        who = trim(lines_[n].doc->text);
      if (who.empty() || a.slots.size() >= 31) return false;
      a.slots.push_back({d, shorten(who, 200), c});
      return true;
    }
    return false;
  }

  void add_exam(const std::string& mode, const std::vector<Date>& days, const Citation& c) {
    auto it = std::find_if(out_.exam.begin(), out_.exam.end(), [&](const ExamDays& e) { return e.mode == mode; });
    if (it == out_.exam.end()) {
      out_.exam.push_back({mode, {}, {}});
      it = out_.exam.end() - 1;
    }
    for (Date d : days)
      if (std::find(it->days.begin(), it->days.end(), d) == it->days.end()) it->days.push_back(d);
    std::sort(it->days.begin(), it->days.end());
    it->cites.push_back(c);
  }

  void add_fact(Fact f, const Line& l, size_t begin, size_t end) {
    if (Fact* a = covering(f)) {
      unused(l, begin, end, "restates line " + std::to_string(a->cite.line), "与第" + std::to_string(a->cite.line) + "行所述相同", true);
      return;
    }
    // A window that covers steps drafted before from partial statements (5月4日起 …, 截止时间为
    // 5月30日, then 5月4-30日) replaces them.
    if (f.timing == FactTiming::window) {
      auto covered = [&](const Fact& a) {
        if (a.kind != f.kind || a.kind == "other") return false;
        switch (a.timing) {
        case FactTiming::from: return a.start == f.start;
        case FactTiming::deadline: return a.end == f.end;
        case FactTiming::window: return f.start <= a.start && a.end <= f.end;
        case FactTiming::days: return f.start <= a.days.front() && a.days.back() <= f.end;
        default: return false;
        }
      };
      auto first = std::find_if(out_.facts.begin(), out_.facts.end(), covered);
      if (first != out_.facts.end()) {
        size_t at = static_cast<size_t>(first - out_.facts.begin());
        std::vector<Fact> kept;
        for (size_t i = 0; i < out_.facts.size(); ++i) {
          Fact& a = out_.facts[i];
          if (!covered(a)) {
            kept.push_back(std::move(a));
            continue;
          }
          out_.unused.push_back({a.cite, "restates line " + std::to_string(f.cite.line), "与第" + std::to_string(f.cite.line) + "行所述相同", true, {}});
          for (Slot& sl : a.slots) f.slots.push_back(std::move(sl));
          if (i == at) at = kept.size();
        }
        kept.insert(kept.begin() + static_cast<std::ptrdiff_t>(at), std::move(f));
        out_.facts = std::move(kept);
        return;
      }
    }
    out_.facts.push_back(std::move(f));
  }

  void place_line(size_t li) {
    const Line& l = lines_[li];
    if (l.blank) return;
    const int year = out_.header.exam_year;
    for (const DateLike& r : l.scan.rejected) unused(l, r.begin, r.end, r.why_en, r.why_zh, false);
    for (const DateMention& m : l.scan.mentions) {
      report_weekday_notes(doc_.path, *l.doc, l.norm, m, sink_);
      Citation c = cite(l, m.begin, m.end);
      if (li == issued_line_) {
        unused(l, m.begin, m.end, "the notice's date of issue ([calendar] issued)", "通知的发文日期（[calendar] issued）", false);
        continue;
      }
      if (has_at(l.norm.text, m.end, "印发") || has_at(l.norm.text, m.end, "发布") || has_at(l.norm.text, m.end, "签发")) {
        unused(l, m.begin, m.end, "the day the notice was issued or printed (印发)", "通知的印发、发布日期", false);
        continue;
      }
      if (page_date(l, m.begin)) {
        unused(l, m.begin, m.end, "the page's own date", "网页自身的发布日期", false);
        continue;
      }
      if (year && (m.days.front().year() < year - 1 || m.days.front().year() > year)) {
        unused(l, m.begin, m.end, "a date of another year than the exam's (" + std::to_string(year) + ")",
               "不属于本次考试年度（" + std::to_string(year) + "）的日期", false);
        continue;
      }
      if (condition(l, m.begin, m.end)) {
        unused(l, m.begin, m.end, "a condition of candidacy (学历, 年限 …), not a step of the calendar",
               "报考条件中的日期（学历、年限等），不是日程中的环节", false);
        continue;
      }
      std::optional<Placement> p = place(li, m.begin, m.end);
      if (!p && as_slot(li, m, c)) continue;
      if (!p) p = place_above(li);
      if (!p) {
        unused(l, m.begin, m.end, "no word of the notice says which step this date is", "通知中没有说明这一日期属于哪个环节", true, m.days);
        continue;
      }
      std::string kind(p->hit->word->kind);
      if (kind == "exam") {
        add_exam(exam_mode(li, *p), m.days, c);
        continue;
      }
      Fact f;
      f.kind = kind.empty() ? "other" : kind;
      f.name = phase_name(*p);
      f.name_cite = cite(*p->line, p->hit->begin, p->hit->end);
      f.audience = std::string(audience_of_kind(f.kind));
      f.cite = c;
      switch (m.form) {
      case MentionForm::range: f.timing = FactTiming::window, f.start = m.days.front(), f.end = m.days.back(); break;
      case MentionForm::from: f.timing = FactTiming::from, f.start = m.days.front(); break;
      case MentionForm::deadline: f.timing = FactTiming::deadline, f.end = m.days.front(); break;
      case MentionForm::day:
      case MentionForm::list: f.timing = FactTiming::days, f.days = m.days; break;
      }
      if (f.kind == "military-data") {
        const std::string& t = p->line->norm.text;
        if (t.find("缴纳") != std::string::npos || t.find("缴费") != std::string::npos) f.also.push_back("payment");
      }
      f.closed_on_holidays = closed_on_holidays(li, *p->line);
      if (f.kind == "confirmation" || f.kind == "military-data" || f.kind == "receipts") f.hours = hours(li);
      add_fact(std::move(f), l, m.begin, m.end);
    }
    for (const RelativeMention& r : l.scan.relatives) {
      std::optional<Placement> p = place(li, r.begin, r.end);
      if (!p) p = place_above(li);
      Citation c = cite(l, r.begin, r.end);
      if (!p || p->hit->word->kind.empty() || p->hit->word->kind == "exam") {
        unused(l, r.begin, r.end, "a time after the exam that no word ties to a step", "考后时间，但没有说明属于哪个环节", true);
        continue;
      }
      Fact f;
      f.kind = std::string(p->hit->word->kind);
      f.name = phase_name(*p);
      f.name_cite = cite(*p->line, p->hit->begin, p->hit->end);
      f.audience = std::string(audience_of_kind(f.kind));
      f.timing = FactTiming::relative;
      f.months = r.months;
      f.after_days = r.days;
      f.text = c.quote;
      f.cite = c;
      add_fact(std::move(f), l, r.begin, r.end);
    }
    read_fees(l);
  }

  // 每科70元, 70元/科, 报名费10元/人.
  void read_fees(const Line& l) {
    const std::string& t = l.norm.text;
    for (size_t at = t.find("元"); at != std::string::npos && out_.fees.size() < 16; at = t.find("元", at + 3)) {
      size_t b = at;
      while (b > 0 && t[b - 1] >= '0' && t[b - 1] <= '9') --b;
      if (b == at || at - b > 5) continue;
      FeeFact fee;
      fee.amount = std::stol(t.substr(b, at - b));
      std::string before = t.substr(b >= 12 ? b - 12 : 0, b >= 12 ? 12 : b);
      std::string after = t.substr(at + 3, 8);
      if (after.rfind("/科", 0) == 0 || before.find("每科") != std::string::npos) fee.unit = "subject";
      else if (after.rfind("/人", 0) == 0 || before.find("每人") != std::string::npos) fee.unit = "person";
      else if (after.rfind("/次", 0) == 0 || before.find("每次") != std::string::npos) fee.unit = "exam";
      else continue;
      size_t cs = boundary_before(t, b, false), ce = boundary_after(t, at, false);
      std::string clause = t.substr(cs, ce - cs);
      if (clause.find("报名费") != std::string::npos) fee.kind = "registration";
      if (clause.find("纸笔") != std::string::npos) fee.mode = "paper";
      else if (clause.find("人机对话") != std::string::npos || clause.find("机考") != std::string::npos) fee.mode = "cbt";
      fee.cite = cite(l, b, at + 3 + (after.rfind("/", 0) == 0 ? 4 : 0));
      bool same = std::any_of(out_.fees.begin(), out_.fees.end(), [&](const FeeFact& o) {
        return o.amount == fee.amount && o.unit == fee.unit && o.mode == fee.mode && o.kind == fee.kind;
      });
      if (!same) out_.fees.push_back(std::move(fee));
    }
  }

  // 另行通知: the exam's assignment of specialties to days, or a step with no date yet.
  void read_tba() {
    for (const Line& l : lines_) {
      const std::string& t = l.norm.text;
      for (std::string_view w : {"另行通知", "另行公布", "另行公告"}) {
        size_t at = t.find(w);
        if (at == std::string::npos) continue;
        size_t ss = boundary_before(t, at, true), se = boundary_after(t, at, true);
        std::string sentence = trim(l.norm.original(l.doc->text, ss, se));
        const PhaseWordHit* h = last_in(l, ss, at);
        if (!h || h->word->kind.empty()) break;
        std::string kind(h->word->kind);
        if (kind == "exam") {
          if (out_.assignment_tba.empty()) {
            out_.assignment_tba = shorten(sentence, 200);
            out_.assignment_cite = cite(l, ss, se);
          }
        } else if (std::none_of(out_.facts.begin(), out_.facts.end(), [&](const Fact& f) { return f.kind == kind; })) {
          Fact f;
          f.kind = kind;
          f.name = std::string(h->word->word);
          f.audience = std::string(audience_of_kind(kind));
          f.timing = FactTiming::tba;
          f.text = shorten(sentence, 200);
          f.cite = cite(l, ss, se);
          f.name_cite = f.cite;
          out_.facts.push_back(std::move(f));
        }
        break;
      }
    }
  }
};

} // namespace

void report_weekday_notes(const std::string& path, const DocumentLine& line, const NormalizedLine& n, const DateMention& m,
                          DiagnosticSink& sink) {
  static constexpr std::array<std::string_view, 7> en = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  for (const WeekdayNote& w : m.weekdays) {
    if (w.date.weekday() == w.stated) continue;
    Location loc{path, static_cast<uint32_t>(line.number), n.column(line.text, w.begin), n.column(line.text, w.end)};
    std::string note = trim(std::string(n.original(line.text, w.begin, w.end)));
    sink.report_localized(DiagKind::import_weekday_mismatch, loc,
                          {w.date.iso(), note, std::string(en[w.stated]), std::string(en[w.date.weekday()])},
                          {w.date.iso(), note, zh_weekday_name(w.stated), zh_weekday(w.date)});
  }
}

Extraction extract(const DocumentText& document, DiagnosticSink& sink) {
  return Extractor(document, sink).run();
}

} // namespace kaowu::import
