#include <algorithm>

#include "bind/exam_timetable.hpp"
#include "render/html/candidate_views.hpp"
#include "render/html/page_feeds.hpp"
#include "text/zh_format.hpp"

// The exam days of a page's own feed, shaped for a phone: built from the feed's events (not the
// timetable's model) so that each row's 加入日历 file and 可能的考试日 mark are the feed's.

namespace kaowu {
namespace {

TemplateData list() { return TemplateData(TemplateData::type::list); }

std::string batch_name(const ResolvedCalendar& cal, const std::string& batch_id) {
  if (cal.exam)
    for (const Batch& b : cal.exam->batches)
      if (b.id.value == batch_id) return b.name.empty() ? zh_mode(b.mode) : b.name;
  return {};
}

} // namespace

TemplateData exam_days_view(const ResolvedCalendar& cal, const Feed& feed, const std::string& from,
                            const std::string& possible_hint) {
  struct Day {
    Date date;
    std::string batch;
    std::vector<const FeedEvent*> events;
  };
  struct Table {
    std::string mode;
    std::vector<Day> days;
  };
  // Modes in the order the calendar's batches name them, as the timetable prints them.
  std::vector<Table> tables;
  auto table_for = [&](const std::string& mode) -> Table& {
    for (Table& t : tables)
      if (t.mode == mode) return t;
    tables.push_back(Table{mode, {}});
    return tables.back();
  };
  if (cal.exam)
    for (const Batch& b : cal.exam->batches) table_for(to_string(b.mode));
  for (const FeedEvent& e : feed.events) {
    if (!is_exam_event(e)) continue;
    Table& t = table_for(e.mode);
    auto day = std::find_if(t.days.begin(), t.days.end(),
                            [&](const Day& x) { return x.date == *e.start && x.batch == e.batch_id; });
    if (day == t.days.end()) day = t.days.insert(t.days.end(), Day{*e.start, e.batch_id, {}});
    day->events.push_back(&e);
  }
  TemplateData d;
  if (cal.exam) {
    d.set("has_exam", true);
    d.set("name", cal.exam->name.empty() ? "考试实施" : cal.exam->name);
    const ResolvedPhase* exam = cal.find("exam");
    d.set("days", exam ? zh_timing(*exam) : (cal.exam_days.empty() ? "待定" : zh_days(cal.exam_days)));
  }
  TemplateData out = list();
  bool any_possible = false;
  for (Table& t : tables) {
    if (t.days.empty()) continue;
    std::stable_sort(t.days.begin(), t.days.end(), [](const Day& a, const Day& b) { return a.date < b.date; });
    TemplateData table;
    std::string title = t.mode.empty() ? (cal.exam && !cal.exam->name.empty() ? cal.exam->name : "考试实施")
                                       : zh_mode(t.mode == "paper" ? ExamMode::paper : ExamMode::cbt);
    table.set("title", title);
    if (cal.exam && !t.mode.empty()) {
      auto tba = cal.exam->sessions_tba.find(t.mode == "paper" ? ExamMode::paper : ExamMode::cbt);
      if (tba != cal.exam->sessions_tba.end()) table.set("note", tba->second);
    }
    // One batch for every day of the table: its name is the caption, not a line per day.
    bool one_batch = std::all_of(t.days.begin(), t.days.end(), [&](const Day& x) { return x.batch == t.days.front().batch; });
    if (one_batch && !batch_name(cal, t.days.front().batch).empty()) table.set("title", batch_name(cal, t.days.front().batch));
    // Every day of the table only possible: said once, beside the title.
    bool all_possible = std::all_of(t.days.begin(), t.days.end(), [](const Day& x) {
      return std::all_of(x.events.begin(), x.events.end(), [](const FeedEvent* e) { return e->possible; });
    });
    if (all_possible) table.set("all_possible", true);
    TemplateData blocks = list();
    bool has_sessions = false, has_add = false;
    // Every day of the table with the same sessions at the same times (CBT: four subjects a
    // day): the times are said once, under the list of days.
    std::vector<std::pair<int, std::string>> first_day_sessions;
    bool same_sessions = true;
    for (const Day& day : t.days) {
      TemplateData dv;
      dv.set("date", zh_date(day.date) + "（" + zh_weekday(day.date) + "）");
      dv.set("iso", day.date.iso());
      if (std::string name = batch_name(cal, day.batch); !name.empty() && !one_batch) dv.set("batch", name);
      bool possible = std::all_of(day.events.begin(), day.events.end(), [](const FeedEvent* e) { return e->possible; });
      if (possible && !all_possible) dv.set("possible", true);
      any_possible = any_possible || possible;
      TemplateData rows = list();
      std::vector<std::pair<int, std::string>> sessions;
      for (const FeedEvent* e : day.events)
        if (e->kind == EventKind::session && e->time) sessions.emplace_back(e->time->start_minute * 10000 + e->time->end_minute, e->subject);
      if (&day == &t.days.front()) first_day_sessions = sessions;
      same_sessions = same_sessions && !sessions.empty() && sessions == first_day_sessions;
      for (const FeedEvent* e : day.events) {
        std::string href = event_href(from, feed, *e);
        has_add = has_add || !href.empty();
        if (e->kind != EventKind::session || !e->time) {
          // A day without published times is the day itself: said on its own line.
          if (!href.empty()) dv.set("day_add_href", href);
          continue;
        }
        TemplateData r;
        r.set("time", zh_time_range(*e->time));
        r.set("subject", e->subject);
        if (!href.empty()) r.set("add_href", href);
        push(rows, std::move(r));
        has_sessions = true;
      }
      put(dv, "rows", std::move(rows));
      push(blocks, std::move(dv));
    }
    put(table, "day_blocks", std::move(blocks));
    // One of three shapes: the times said once under the days, a row group per day, or (no
    // times published) a list of days.
    bool compact = has_sessions && same_sessions && !has_add && t.days.size() > 1;
    if (has_sessions && !compact) table.set("rows_table", true);
    if (!has_sessions) table.set("day_list", true);
    if (compact) {
      table.set("compact", true);
      TemplateData times = list();
      for (const auto& [minutes, subject] : first_day_sessions) {
        TemplateData r;
        r.set("time", zh_time_range(TimeRange{minutes / 10000, minutes % 10000, {}}));
        r.set("subject", subject);
        push(times, std::move(r));
      }
      put(table, "times", std::move(times));
    }
    // A column that would be empty on every row (all days only possible) is left out.
    if (has_add) table.set("has_add", true);
    table.set("cols", has_add ? "3" : "2");
    push(out, std::move(table));
  }
  put(d, "tables", std::move(out));
  if (any_possible) {
    std::string why = cal.exam && !cal.exam->assignment_tba.empty() ? cal.exam->assignment_tba : "各专业的考试日期尚未公布";
    d.set("possible_note", why);
    d.set("possible_hint", possible_hint);
  }
  return d;
}

} // namespace kaowu
