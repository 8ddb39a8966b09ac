#include "bind/bound_notice.hpp"

#include "bind/markdown_limits.hpp"
#include "bind/notice_scan.hpp"
#include "diag/suggest.hpp"

#include <map>

namespace kaowu {

std::string value_marker(size_t index) {
  return std::string(kValueOpen) + std::to_string(index) + std::string(kValueClose);
}

std::string BoundNotice::markdown() const {
  const std::string& body = notice->body;
  std::string out;
  out.reserve(body.size() + 8 * spans.size());
  size_t copied = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    out.append(body, copied, spans[i].offset - copied);
    out += value_marker(i);
    copied = spans[i].offset + spans[i].length;
  }
  out.append(body, copied, std::string::npos);
  return out;
}

namespace {
// True when only blanks stand between the placeholder and the ends of its line.
bool alone_on_line(const std::string& body, size_t offset, size_t length) {
  for (size_t i = offset; i > 0 && body[i - 1] != '\n'; --i)
    if (body[i - 1] != ' ' && body[i - 1] != '\t') return false;
  for (size_t i = offset + length; i < body.size() && body[i] != '\n'; ++i)
    if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') return false;
  return true;
}
// Each date typed into the body is a warning that names the placeholder whose value it is, or
// says that no value of the calendar is that day (a mistyped date, or one the calendar lacks).
void warn_literal_dates(const Notice& notice, const ResolvedCalendar& calendar, const NoticeValues& values,
                        const std::vector<PlaceholderUse>& uses, DiagnosticSink& sink) {
  std::vector<LiteralDate> dates = find_literal_dates(notice, uses);
  if (dates.empty()) return;
  // The notice's own revision's values first; a date only another revision gave is named with
  // "@N" (a correction notice citing what it corrects).
  auto own = values.calendars.find(values.own);
  std::map<Date, std::vector<std::string>> by_date =
      placeholders_by_date(own != values.calendars.end() ? *own->second : calendar);
  for (auto it = values.calendars.rbegin(); it != values.calendars.rend(); ++it) {
    if (it->first == values.own) continue;
    for (auto& [day, names] : placeholders_by_date(*it->second))
      if (!by_date.count(day))
        for (const std::string& name : names) by_date[day].push_back(name + "@" + std::to_string(it->first));
  }
  NoticeCursor cursor(notice);
  const int exam_year = calendar.calendar->exam_year;
  for (const LiteralDate& literal : dates) {
    std::string text = notice.body.substr(literal.offset, literal.length);
    Diagnostic& d = sink.report(DiagKind::literal_date, cursor.at(literal.offset, literal.length), {text});
    // A date without its year is read in the exam year or the year before (registration opens
    // in the winter before a spring exam).
    std::vector<int> years = literal.year ? std::vector<int>{literal.year} : std::vector<int>{exam_year, exam_year - 1};
    const std::vector<std::string>* names = nullptr;
    for (int year : years) {
      auto day = Date::from_ymd(year, static_cast<unsigned>(literal.month), static_cast<unsigned>(literal.day));
      if (!day) continue;
      if (auto it = by_date.find(*day); it != by_date.end()) {
        names = &it->second;
        break;
      }
    }
    if (names) {
      std::string list;
      for (size_t i = 0; i < names->size() && i < 3; ++i) list += (i ? " / " : "") + ("{{" + (*names)[i] + "}}");
      set_help(d, "write " + list + " instead: its value is this day, and moves with the calendar",
               "改用 " + list + "：它的值正是这一天，并会随日历变动");
    } else {
      set_help(d, "no value of calendar '" + calendar.id() + "' is this day: check the date, or add it to the calendar and name it with a placeholder",
               "日历“" + calendar.id() + "”中没有哪个值是这一天：请核对日期，或把它加入日历后用占位符引用");
    }
  }
}

} // namespace

std::pair<std::string, int> split_revision(const std::string& name) {
  size_t at = name.rfind('@');
  if (at == std::string::npos || at + 1 == name.size() || name.size() - at > 5) return {name, -1};
  int n = 0;
  for (size_t i = at + 1; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return {name, -1};
    n = n * 10 + (name[i] - '0');
  }
  return {name.substr(0, at), n};
}

std::optional<BoundNotice> bind_notice(const Notice& notice, const ResolvedCalendar& calendar,
                                       const NoticeValues& values, DiagnosticSink& sink) {
  size_t errors_before = sink.error_count();
  within_markdown_limits(notice, sink);
  std::vector<PlaceholderUse> uses = scan_placeholders(notice, sink);
  BoundNotice out;
  out.notice = &notice;
  out.calendar = &calendar;
  out.revision = values.own;
  auto revisions_text = [&] {
    std::string list;
    for (const auto& [number, table] : values.tables) list += (list.empty() ? "" : ", ") + std::to_string(number);
    return list;
  };
  const std::string& body = notice.body;
  out.spans.reserve(uses.size());
  out.values.reserve(uses.size());
  std::vector<std::string> names; // for "did you mean", filled on the first unknown name
  NoticeCursor cursor(notice);
  for (const PlaceholderUse& use : uses) {
    auto [name, number] = split_revision(use.name);
    auto which = values.tables.find(number >= 0 ? number : values.own); // "@0" names no revision
    if (which == values.tables.end() || which->second == nullptr) {
      sink.report(DiagKind::unknown_revision, cursor.at(use.offset, use.length),
                  {calendar.id(), std::to_string(number), revisions_text()});
      continue;
    }
    const PlaceholderTable& table = *which->second;
    auto found = table.find(name);
    if (found == table.end()) {
      Diagnostic& d = sink.report(DiagKind::unknown_placeholder, cursor.at(use.offset, use.length), {use.name});
      if (names.empty())
        for (const auto& [known, value] : table) names.push_back(known);
      std::string suffix = number >= 0 ? "@" + std::to_string(number) : "";
      if (auto near = closest_match(name, names))
        set_help(d, "did you mean {{" + *near + suffix + "}}?", "是否想写 {{" + *near + suffix + "}}？");
      continue;
    }
    if (!found->second) {
      sink.report(DiagKind::placeholder_without_value, cursor.at(use.offset, use.length),
                  {use.name, calendar.id()});
      continue;
    }
    if (found->second->kind == PlaceholderValue::Kind::tables && !alone_on_line(body, use.offset, use.length)) {
      sink.report(DiagKind::table_placeholder_inline, cursor.at(use.offset, use.length), {use.name});
      continue;
    }
    out.spans.push_back(BoundNotice::Span{use.offset, use.length});
    out.values.push_back(&*found->second);
  }
  warn_literal_dates(notice, calendar, values, uses, sink);
  if (sink.error_count() > errors_before) return std::nullopt;
  return out;
}

std::optional<BoundNotice> bind_notice(const Notice& notice, const ResolvedCalendar& calendar,
                                       const PlaceholderTable& table, DiagnosticSink& sink) {
  NoticeValues values;
  values.tables[1] = &table;
  values.calendars[1] = &calendar;
  return bind_notice(notice, calendar, values, sink);
}

} // namespace kaowu
