#include "render/html/candidate_views.hpp"

#include <algorithm>

#include "bind/event_file.hpp"
#include "bind/exam_timetable.hpp"
#include "render/html/page_feeds.hpp"
#include "render/html/qr_svg.hpp"
#include "render/html/views.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

TemplateData list() { return TemplateData(TemplateData::type::list); }

std::string link_to_file(const std::string& from, const Feed& feed, const FeedEvent& e) {
  std::string path = event_file_path(feed, e);
  return path.empty() ? std::string() : SiteLayout::relative(from, path);
}

// The wording status.js repeats for the visitor's day (keep the two in step).
std::string days_left(int n) { return n == 0 ? "今天截止" : "还剩" + std::to_string(n) + "天"; }
std::string days_until(int n, bool approximate) {
  if (approximate) return n == 0 ? "预计今天" : "预计" + std::to_string(n) + "天后";
  return n == 0 ? "今天开始" : "还有" + std::to_string(n) + "天";
}

bool for_candidates(const ResolvedPhase& rp) { return rp.phase.audience == Audience::candidate && !rp.is_exam; }

// When a phase that has not begun starts, as the box says it: "2024年1月29日开始", or the
// phase's own timing for a date that is a single day or an estimate.
std::string starts_text(const ResolvedPhase& rp) {
  if (rp.phase.timing.kind == TimingKind::relative) return zh_timing(rp);
  return zh_date(*rp.first) + "开始";
}

// The countdown to exam days [first, last] on `today`; `possible` when none is confirmed yet.
TemplateData exam_line(Date first, Date last, Date today, bool possible) {
  TemplateData d;
  d.set("label", possible ? "可能的考试日" : "考试");
  if (today < first) {
    int n = days_between(today, first);
    d.set("text", zh_date(first) + (possible ? "起" : "开始") + "，还有" + std::to_string(n) + "天");
  } else if (today <= last) {
    d.set("text", "考试期间，至" + zh_date(last));
  } else {
    d.set("text", "已结束");
  }
  return d;
}

void set_exam_span(TemplateData& d, Date first, Date last, bool possible) {
  d.set("exam_first", first.iso());
  d.set("exam_last", last.iso());
  if (possible) d.set("exam_possible", true);
}

std::string batch_name(const ResolvedCalendar& cal, const std::string& batch_id) {
  if (cal.exam)
    for (const Batch& b : cal.exam->batches)
      if (b.id.value == batch_id) return b.name.empty() ? zh_mode(b.mode) : b.name;
  return {};
}

bool is_exam_event(const FeedEvent& e) {
  return e.phase_id == "exam" && e.start && (e.kind == EventKind::session || e.kind == EventKind::exam_day);
}

} // namespace

std::string level_name(const ResolvedCatalogue* catalogue, const Specialty& sp) {
  if (catalogue)
    for (const LevelRange& l : catalogue->levels)
      if (l.id.value == sp.level.value) return l.name;
  return sp.level.value;
}

TemplateData candidate_phases(const SiteContext& ctx, const ResolvedCalendar& cal, const Feed* feed,
                              const std::string& from) {
  TemplateData out = list();
  for (const ResolvedPhase& rp : cal.phases) {
    if (rp.phase.audience == Audience::staff) continue;
    TemplateData v = phase_view(rp, ctx.site.build_date);
    v.set("audience_id", to_string(rp.phase.audience));
    // What status.js needs to build the "now" box by the visitor's clock.
    if (rp.is_exam) v.set("is_exam", true);
    if (rp.first && !rp.tba) v.set("starts", starts_text(rp));
    if (feed && rp.phase.audience == Audience::candidate)
      if (const FeedEvent* e = deadline_event(*feed, rp.phase.id.value))
        if (std::string href = link_to_file(from, *feed, *e); !href.empty()) v.set("add_href", href);
    out.push_back(v);
  }
  return out;
}

TemplateData now_view(const SiteContext& ctx, const ResolvedCalendar& cal, const Feed* feed, const std::string& from) {
  TemplateData d;
  // The exam as a whole: its period is a fact even where a specialty's day is not.
  if (!cal.exam_days.empty()) set_exam_span(d, cal.exam_days.front(), cal.exam_days.back(), false);

  std::optional<Date> today = ctx.site.build_date;
  if (!today) {
    // No day to judge by: every date the candidate needs, in order (status.js does the rest).
    TemplateData dates = list();
    for (const ResolvedPhase& rp : cal.phases) {
      if (!for_candidates(rp) || rp.tba || !rp.last) continue;
      TemplateData v;
      v.set("name", rp.phase.name);
      v.set("timing", zh_timing(rp));
      dates.push_back(v);
    }
    if (const ResolvedPhase* exam = cal.find("exam"); exam && !exam->tba) {
      TemplateData v;
      v.set("name", exam->phase.name);
      v.set("timing", zh_timing(*exam));
      dates.push_back(v);
    }
    d.set("dates", dates);
    return d;
  }

  d.set("has_today", true);
  d.set("asof", zh_date(*today));
  std::vector<const ResolvedPhase*> open;
  const ResolvedPhase* next = nullptr;
  for (const ResolvedPhase& rp : cal.phases) {
    if (!for_candidates(rp)) continue;
    std::string status = phase_status(rp, today);
    if (status == "open") open.push_back(&rp);
    if (status == "upcoming" && rp.first && (!next || *rp.first < *next->first)) next = &rp;
  }
  std::stable_sort(open.begin(), open.end(), [](const ResolvedPhase* a, const ResolvedPhase* b) { return *a->last < *b->last; });
  TemplateData open_list = list();
  for (const ResolvedPhase* rp : open) {
    TemplateData v;
    v.set("name", rp->phase.name);
    v.set("last", zh_date(*rp->last));
    v.set("left", days_left(days_between(*today, *rp->last)));
    if (feed)
      if (const FeedEvent* e = deadline_event(*feed, rp->phase.id.value))
        if (std::string href = link_to_file(from, *feed, *e); !href.empty()) v.set("add_href", href);
    open_list.push_back(v);
  }
  d.set("open", open_list);
  if (open.empty()) d.set("quiet", true);
  if (next) {
    TemplateData v;
    v.set("name", next->phase.name);
    v.set("when", starts_text(*next));
    v.set("left", days_until(days_between(*today, *next->first), next->phase.approximate));
    d.set("next", v);
  }
  if (!cal.exam_days.empty())
    d.set("countdown", exam_line(cal.exam_days.front(), cal.exam_days.back(), *today, false));
  return d;
}

TemplateData exam_countdown_view(const SiteContext& ctx, const Feed& feed) {
  TemplateData d;
  std::optional<Date> first, last;
  bool possible = true;
  for (const FeedEvent& e : feed.events) {
    if (!is_exam_event(e)) continue;
    if (!first || *e.start < *first) first = e.start;
    if (!last || *e.end > *last) last = e.end;
    possible = possible && e.possible;
  }
  if (!first) return d;
  set_exam_span(d, *first, *last, possible);
  if (ctx.site.build_date) {
    d.set("has_today", true);
    d.set("asof", zh_date(*ctx.site.build_date));
    d.set("countdown", exam_line(*first, *last, *ctx.site.build_date, possible));
  } else {
    TemplateData dates = list();
    TemplateData v;
    v.set("name", possible ? "可能的考试日" : "考试");
    std::vector<Date> days;
    for (const FeedEvent& e : feed.events)
      if (is_exam_event(e) && (days.empty() || days.back() != *e.start)) days.push_back(*e.start);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    v.set("timing", zh_days(days));
    dates.push_back(v);
    d.set("dates", dates);
  }
  return d;
}

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
        std::string href = link_to_file(from, feed, *e);
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
        rows.push_back(r);
        has_sessions = true;
      }
      dv.set("rows", rows);
      blocks.push_back(dv);
    }
    table.set("day_blocks", blocks);
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
        times.push_back(r);
      }
      table.set("times", times);
    }
    // A column that would be empty on every row (all days only possible) is left out.
    if (has_add) table.set("has_add", true);
    table.set("cols", has_add ? "3" : "2");
    out.push_back(table);
  }
  d.set("tables", out);
  if (any_possible) {
    std::string why = cal.exam && !cal.exam->assignment_tba.empty() ? cal.exam->assignment_tba : "各专业的考试日期尚未公布";
    d.set("possible_note", why);
    d.set("possible_hint", possible_hint);
  }
  return d;
}

TemplateData subscribe_box(const SiteContext& ctx, const Feed& feed, const std::string& from, bool with_qr) {
  std::string page = SiteLayout::subscribe_page(feed.path_stem);
  TemplateData d;
  d.set("href", SiteLayout::relative(from, page));
  d.set("title", feed.title);
  if (with_qr && ctx.layout.absolute()) {
    // The QR code opens the subscribe page, which offers what works on the phone that scanned
    // it (WeChat's scanner included), rather than an .ics that iOS imports once.
    std::string qr = qr_svg(ctx.layout.url(page), "二维码：" + feed.title + "的订阅页 " + ctx.layout.url(page));
    if (!qr.empty()) d.set("qr_svg", qr);
  }
  return d;
}

TemplateData staff_section(const SiteContext& ctx, const ResolvedCalendar& cal, const Feed* candidate_feed,
                           const std::string& from) {
  TemplateData d;
  const Feed* staff = staff_feed_of(ctx.site, cal);
  TemplateData phases = list();
  for (const ResolvedPhase& rp : cal.phases) {
    if (rp.phase.audience != Audience::staff) continue;
    TemplateData v = phase_view(rp, ctx.site.build_date);
    if (staff)
      if (const FeedEvent* e = deadline_event(*staff, rp.phase.id.value))
        if (std::string href = link_to_file(from, *staff, *e); !href.empty()) v.set("add_href", href);
    phases.push_back(v);
  }
  if (!phases.is_empty_list()) {
    d.set("staff_phases", phases);
    d.set("has_staff_phases", true);
  }
  if (staff) {
    d.set("staff_subscribe_href", SiteLayout::relative(from, SiteLayout::subscribe_page(staff->path_stem)));
    d.set("staff_title", staff->title);
  }
  if (candidate_feed) {
    std::string json = SiteLayout::json(candidate_feed->path_stem);
    d.set("json_href", SiteLayout::relative(from, json));
    if (ctx.layout.absolute()) {
      std::string snippet = "<div data-kaowu-feed=\"" + ctx.layout.url(json) + "\"><a href=\"" +
                            ctx.layout.url(feed_page(*candidate_feed)) + "\">" + cal.calendar->title + "</a></div>\n" +
                            "<script src=\"" + ctx.layout.url(SiteLayout::widget) + "\" defer></script>";
      d.set("embed_code", snippet);
    }
  }
  d.set("index_href", SiteLayout::relative(from, SiteLayout::index_json));
  d.set("model_href", SiteLayout::relative(from, SiteLayout::model_file(cal.id())));
  return d;
}

std::optional<TemplateData> slot_once(const ResolvedCalendar& cal) {
  std::vector<std::string> hours, places;
  for (const ResolvedPhase& rp : cal.phases)
    for (const Slot& s : rp.phase.slots) {
      std::string h;
      for (const TimeRange& r : s.hours.empty() ? rp.phase.hours : s.hours) h += (h.empty() ? "" : "、") + zh_time_range(r);
      hours.push_back(h);
      places.push_back(rp.phase.place);
    }
  auto same = [](const std::vector<std::string>& v) {
    return v.size() > 1 && !v.front().empty() && std::all_of(v.begin(), v.end(), [&](const std::string& x) { return x == v.front(); });
  };
  if (!same(hours) && !same(places)) return std::nullopt;
  TemplateData d;
  if (same(hours)) d.set("hours", hours.front());
  if (same(places)) d.set("place", places.front());
  return d;
}

TemplateData specialty_finder(const SiteContext& ctx, const ResolvedCalendar& cal, const std::string& from) {
  TemplateData out = list();
  for (const Feed* f : specialty_feeds_for(ctx.site, cal)) {
    const Specialty& sp = *f->specialty;
    TemplateData v;
    v.set("code", sp.code.value);
    v.set("name", sp.name);
    v.set("level", level_name(f->calendar->catalogue, sp));
    v.set("mode", zh_mode(sp.mode));
    v.set("href", SiteLayout::relative(from, SiteLayout::specialty_page(f->calendar->id(), sp.code.value)));
    out.push_back(v);
  }
  return out;
}

} // namespace kaowu
