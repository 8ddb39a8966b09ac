#include "import/holidays_notice.hpp"

#include <algorithm>

#include "import/date_scan.hpp"
#include "import/normalize.hpp"
#include "text/toml_string.hpp"

namespace kaowu::import {
namespace {

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// "二、春节:2月10日至17日放假调休" -> "春节": the words between the enumeration and the colon.
std::string holiday_name(const std::string& t, size_t first_date) {
  size_t colon = t.find(':');
  if (colon == std::string::npos || colon > first_date) return "";
  size_t from = t.rfind("、", colon);
  from = from == std::string::npos ? 0 : from + 3;
  std::string name = trim(t.substr(from, colon - from));
  // 中秋节、国庆节 keeps both names: the enumeration's 、 is the first one.
  if (size_t first = t.find("、"); first != std::string::npos && first < from - 3)
    name = trim(t.substr(first + 3, colon - first - 3));
  return name.size() > 60 ? std::string() : name;
}

std::string iso_list(const std::vector<Date>& days) {
  std::string s = "[";
  for (size_t i = 0; i < days.size(); ++i) s += (i ? ", " : "") + days[i].iso();
  return s + "]";
}

} // namespace

HolidayNotice extract_holidays(const DocumentText& document, DiagnosticSink& sink) {
  HolidayNotice out;
  std::vector<NormalizedLine> lines;
  for (const DocumentLine& l : document.lines) lines.push_back(normalize_line(l.text));
  // The year: the title's 关于2024年部分节假日安排.
  for (size_t i = 0; i < lines.size() && !out.year; ++i) {
    const std::string& t = lines[i].text;
    size_t at = t.find("年部分节假日");
    if (at == std::string::npos) at = t.find("年节假日");
    if (at == std::string::npos || at < 4) continue;
    std::string digits = t.substr(at - 4, 4);
    if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      out.year = std::stoi(digits);
      out.title = trim(document.lines[i].text);
      out.title_cite = {document.lines[i].number, 1, out.title, out.title};
    }
  }
  if (!out.year) return out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const NormalizedLine& n = lines[i];
    const DocumentLine& dl = document.lines[i];
    LineScan scan = scan_line(n, ScanContext{out.year, 0, false});
    if (scan.mentions.empty()) continue;
    std::string name = holiday_name(n.text, scan.mentions.front().begin);
    HolidayBreak* current = nullptr;
    for (const DateMention& m : scan.mentions) {
      Citation c{dl.number, n.column(dl.text, m.begin), trim(std::string(n.original(dl.text, m.begin, m.end))),
                 trim(dl.text).substr(0, 240)};
      report_weekday_notes(document.path, dl, n, m, sink);
      const std::string& t = n.text;
      size_t after = m.end;
      if (has_at(t, after, "放假") && !name.empty() && out.breaks.size() < 32) {
        out.breaks.push_back({name, m.days.front(), m.days.back(), {}, c});
        current = &out.breaks.back();
      } else if (has_at(t, after, "上班") && (current || !out.breaks.empty())) {
        HolidayBreak& b = current ? *current : out.breaks.back();
        for (Date d : m.days)
          if (b.workdays.size() < 16) b.workdays.push_back(d);
      } else {
        out.unused.push_back({c, "neither days off (放假) nor a working day (上班)", "既非放假日也非调休上班日", true, m.days});
      }
    }
  }
  return out;
}

std::string write_holidays(const HolidayNotice& h, const std::string& notice_name, Lang lang, int& marks) {
  const bool zh = lang == Lang::zh;
  auto where = [&](const Citation& c) { return zh ? "通知第" + std::to_string(c.line) + "行" : "notice line " + std::to_string(c.line); };
  auto comment = [&](const Citation& c) { return "  # " + std::to_string(c.line) + (zh ? "行 “" : ": “") + c.text + "”"; };
  marks = 0;
  std::string s = zh ? "# 由 kaowu import --holidays 据《" + notice_name + "》起草。标有 imported 的表尚未核对：核对后删除该行。\n"
                     : "# Drafted by kaowu import --holidays from " + notice_name + ". Tables marked imported are not yet confirmed: delete the line once checked.\n";
  s += "\n[holidays]\nyear = " + std::to_string(h.year) + "\n";
  s += "source = { issuer = \"国务院办公厅\", title = " + toml_string(h.title) + " }\n";
  s += "imported = " + toml_string(where(h.title_cite)) + "\n";
  ++marks;
  for (const HolidayBreak& b : h.breaks) {
    s += "\n[[off]]\nname = " + toml_string(b.name) + "\n";
    s += "start = " + b.start.iso() + comment(b.cite) + "\n";
    s += "end = " + b.end.iso() + "\n";
    if (!b.workdays.empty()) s += "workdays = " + iso_list(b.workdays) + "\n";
    s += "imported = " + toml_string(where(b.cite)) + "\n";
    ++marks;
  }
  for (const Unused& u : h.unused)
    s += "# " + std::to_string(u.cite.line) + (zh ? "行 “" : ": “") + u.cite.quote + "” (" + iso_list(u.days) + ")" +
         (zh ? "：" : ": ") + (zh ? u.why_zh : u.why_en) + "\n";
  return s;
}

} // namespace kaowu::import
