#include <algorithm>

#include "render/html/candidate_views.hpp"
#include "render/html/page_feeds.hpp"
#include "render/html/views.hpp"
#include "text/zh_format.hpp"

// What to do now: the box at the top of calendar, site and specialty pages, and the data the
// timeline carries so that status.js can rebuild the box by the visitor's clock.

namespace kaowu {
namespace {

TemplateData list() { return TemplateData(TemplateData::type::list); }

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

} // namespace

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
        if (std::string href = event_href(from, *feed, *e); !href.empty()) v.set("add_href", href);
    push(out, std::move(v));
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
      push(dates, std::move(v));
    }
    if (const ResolvedPhase* exam = cal.find("exam"); exam && !exam->tba) {
      TemplateData v;
      v.set("name", exam->phase.name);
      v.set("timing", zh_timing(*exam));
      push(dates, std::move(v));
    }
    put(d, "dates", std::move(dates));
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
        if (std::string href = event_href(from, *feed, *e); !href.empty()) v.set("add_href", href);
    push(open_list, std::move(v));
  }
  put(d, "open", std::move(open_list));
  if (open.empty()) d.set("quiet", true);
  if (next) {
    TemplateData v;
    v.set("name", next->phase.name);
    v.set("when", starts_text(*next));
    v.set("left", days_until(days_between(*today, *next->first), next->phase.approximate));
    put(d, "next", std::move(v));
  }
  if (!cal.exam_days.empty())
    put(d, "countdown", exam_line(cal.exam_days.front(), cal.exam_days.back(), *today, false));
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
    put(d, "countdown", exam_line(*first, *last, *ctx.site.build_date, possible));
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
    push(dates, std::move(v));
    put(d, "dates", std::move(dates));
  }
  return d;
}

} // namespace kaowu
