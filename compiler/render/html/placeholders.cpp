#include "render/html/placeholders.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <vector>

#include "diag/suggest.hpp"
#include "render/html/timetable_model.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

// Backslash-escapes what Markdown would read as markup, so a value is always plain text.
std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|#~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::string hours_text(const std::vector<TimeRange>& hours) {
  std::vector<std::string> parts;
  for (const TimeRange& h : hours) parts.push_back(zh_time_range(h));
  return join(parts, "、");
}

std::string slots_table(const ResolvedPhase& rp) {
  std::string out = "| 日期 | 单位 | 时间 |\n| --- | --- | --- |\n";
  for (const Slot& s : rp.phase.slots) {
    const auto& hours = s.hours.empty() ? rp.phase.hours : s.hours;
    out += "| " + zh_date(s.date.date) + "（" + zh_weekday(s.date.date) + "） | " + md_escape(s.who) +
           " | " + hours_text(hours) + " |\n";
  }
  return out;
}

std::string timetable_markdown(const ResolvedCalendar& cal) {
  std::string out;
  for (const ExamModeTable& t : exam_mode_tables(cal)) {
    out += "**" + md_escape(t.title) + "**\n\n";
    if (!t.tba_note.empty() && t.days.empty()) {
      out += md_escape(t.tba_note) + "\n\n";
      continue;
    }
    out += "| 日期 | 考试时间 | 科目 |\n| --- | --- | --- |\n";
    for (const ExamDayRow& d : t.days) {
      if (d.sessions.empty())
        out += "| " + zh_date(d.date) + " | " + md_escape(t.tba_note.empty() ? "待定" : t.tba_note) + " | |\n";
      for (const Session* s : d.sessions)
        out += "| " + zh_date(d.date) + " | " + zh_time_range(s->time) + " | " + md_escape(s->subject) + " |\n";
    }
    out += "\n";
  }
  return out;
}

using Values = std::map<std::string, std::optional<std::string>>;

void put(Values& v, const std::string& name, const std::string& value) {
  v[name] = value.empty() ? std::nullopt : std::optional<std::string>(md_escape(value));
}

void put_site(Values& v, const std::string& prefix, const SiteInfo& s) {
  put(v, prefix + ".name", s.name);
  put(v, prefix + ".address", s.address);
  put(v, prefix + ".contact", s.contact);
}

} // namespace

Values placeholder_values(const ResolvedCalendar& cal) {
  Values v;
  const Calendar& c = *cal.calendar;
  put(v, "calendar.title", c.title);
  put(v, "calendar.issuer", c.issuer);
  put(v, "calendar.document", c.document);
  put(v, "calendar.issued", c.issued ? zh_date(c.issued->date) : "");
  put(v, "calendar.region", c.region);
  put(v, "calendar.exam_year", std::to_string(c.exam_year));
  if (!cal.ancestors.empty()) {
    const Calendar& parent = *cal.ancestors.front();
    put(v, "parent.title", parent.title);
    put(v, "parent.issuer", parent.issuer);
    put(v, "parent.document", parent.document);
  }
  for (const ResolvedPhase& rp : cal.phases) {
    const Phase& p = rp.phase;
    std::string key = "phase." + p.id.value;
    v[key] = md_escape(zh_timing(rp));
    put(v, key + ".name", p.name);
    put(v, key + ".hours", hours_text(p.hours));
    put(v, key + ".place", p.place);
    put(v, key + ".note", p.note);
    put(v, key + ".url", p.url);
    put(v, key + ".start", rp.first && !rp.tba ? zh_date(*rp.first) : "");
    put(v, key + ".end", rp.last && !rp.tba ? zh_date(*rp.last) : "");
    v[key + ".slots"] = p.slots.empty() ? std::nullopt : std::optional<std::string>("\n\n" + slots_table(rp) + "\n");
  }
  if (cal.exam) {
    const Exam& e = *cal.exam;
    put(v, "exam.name", e.name);
    put(v, "exam.days", cal.exam_days.empty() ? "" : zh_days(cal.exam_days));
    put(v, "exam.first", cal.exam_days.empty() ? "" : zh_date(cal.exam_days.front()));
    put(v, "exam.last", cal.exam_days.empty() ? "" : zh_date(cal.exam_days.back()));
    put(v, "exam.assignment", e.assignment_tba);
    for (ExamMode mode : {ExamMode::cbt, ExamMode::paper}) {
      std::string m = to_string(mode);
      std::set<Date> days;
      for (const Batch& b : e.batches)
        if (b.mode == mode)
          for (const DateAt& d : b.days) days.insert(d.date);
      put(v, "exam." + m + ".days", days.empty() ? "" : zh_days({days.begin(), days.end()}));
      auto tba = e.sessions_tba.find(mode);
      put(v, "exam." + m + ".times_note", tba == e.sessions_tba.end() ? "" : tba->second);
    }
    for (const Batch& b : e.batches) {
      std::vector<Date> days;
      for (const DateAt& d : b.days) days.push_back(d.date);
      put(v, "exam.batch." + b.id.value, days.empty() ? "" : zh_days(days));
      put(v, "exam.batch." + b.id.value + ".name", b.name);
    }
    for (const Session& s : e.sessions) {
      std::string key = "exam.session." + std::string(to_string(s.mode)) + "." + s.subject;
      if (!v.count(key)) put(v, key, zh_time_range(s.time));
    }
    v["exam.timetable"] = "\n\n" + timetable_markdown(cal);
  }
  // Fees: the calendar's own, else the nearest ancestor's (a site charges its region's fee).
  const std::vector<Fee>* fees = &c.fees;
  for (const Calendar* a : cal.ancestors)
    if (fees->empty()) fees = &a->fees;
  v["fee"] = std::nullopt; // known to every calendar, even one whose source states no fee
  for (size_t i = 0; i < fees->size(); ++i) {
    const Fee& f = (*fees)[i];
    std::string key = "fee." + std::to_string(i + 1);
    put(v, key, fee_text(f));
    put(v, key + ".applies_to", f.applies_to);
    if (i == 0) put(v, "fee", fee_text(f));
  }
  if (c.site) put_site(v, "site", *c.site);
  for (const SiteInfo& s : c.sites) put_site(v, "sites." + s.id.value, s);
  return v;
}

namespace {

uint32_t code_points(std::string_view s) {
  uint32_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// The location of byte `offset` of the body.
Location body_location(const Notice& n, size_t offset, size_t length) {
  std::string_view body(n.body);
  size_t newline = offset == 0 ? std::string_view::npos : body.rfind('\n', offset - 1);
  size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  uint32_t line = n.body_line + static_cast<uint32_t>(std::count(body.begin(), body.begin() + static_cast<long>(line_start), '\n'));
  uint32_t col = code_points(body.substr(line_start, offset - line_start)) + 1;
  return Location{n.file, line, col, col + code_points(body.substr(offset, length))};
}

void warn_literal_dates(const Notice& n, const std::string& masked, DiagnosticSink& sink) {
  static const std::regex date_pattern(
      "([0-9]{4}[ \t]*年[ \t]*)?[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*(日|号|(?=-|－|—|~|至|、))"
      "|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}");
  for (auto it = std::sregex_iterator(masked.begin(), masked.end(), date_pattern); it != std::sregex_iterator(); ++it) {
    size_t offset = static_cast<size_t>(it->position(0));
    std::string text = it->str(0);
    sink.report(DiagKind::literal_date, body_location(n, offset, text.size()), {text});
  }
}

} // namespace

std::string bind_placeholders(const Notice& notice, const ResolvedCalendar& cal, DiagnosticSink& sink) {
  static const std::regex placeholder("\\{\\{[ \t]*([^{}\n]*?)[ \t]*\\}\\}");
  Values values = placeholder_values(cal);
  std::vector<std::string> names;
  for (const auto& [name, value] : values) names.push_back(name);
  const std::string& body = notice.body;
  std::string out, masked = body;
  size_t copied = 0;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), placeholder); it != std::sregex_iterator(); ++it) {
    size_t offset = static_cast<size_t>(it->position(0));
    size_t length = static_cast<size_t>(it->length(0));
    std::string name = it->str(1);
    out += body.substr(copied, offset - copied);
    copied = offset + length;
    std::fill(masked.begin() + static_cast<long>(offset), masked.begin() + static_cast<long>(copied), ' ');
    Location loc = body_location(notice, offset, length);
    auto found = values.find(name);
    if (found == values.end()) {
      Diagnostic& d = sink.report(DiagKind::unknown_placeholder, loc, {name});
      if (auto near = closest_match(name, names))
        set_help(d, "did you mean {{" + *near + "}}?", "是否想写 {{" + *near + "}}？");
      out += it->str(0);
    } else if (!found->second) {
      sink.report(DiagKind::placeholder_without_value, loc, {name, cal.id()});
      out += it->str(0);
    } else {
      out += *found->second;
    }
  }
  out += body.substr(copied);
  warn_literal_dates(notice, masked, sink);
  return out;
}

} // namespace kaowu
