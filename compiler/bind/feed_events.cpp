#include "bind/feed_events.hpp"

#include <algorithm>
#include <cstdio>

#include "bind/feed_history.hpp"
#include "layout/site_layout.hpp"
#include "text/zh_format.hpp"

namespace kaowu {

const char* to_string(EventKind k) {
  switch (k) {
  case EventKind::window: return "window";
  case EventKind::deadline: return "deadline";
  case EventKind::day: return "day";
  case EventKind::opens: return "opens";
  case EventKind::estimate: return "estimate";
  case EventKind::session: return "session";
  case EventKind::exam_day: return "exam-day";
  case EventKind::tba: return "tba";
  }
  return "?";
}

namespace {

std::string hours_text(const std::vector<TimeRange>& hours) {
  std::string out;
  for (const TimeRange& h : hours) out += (out.empty() ? "" : "、") + zh_time_range(h);
  return out;
}

// "来源：国家卫生健康委人才交流服务中心《…的通知》（卫人才发〔2020〕153号，2020年12月22日），附件2"
std::string source_text(const Source& s) {
  if (!s.names_document()) return {};
  std::string out = "来源：";
  if (s.title.empty() && s.number.empty()) out += s.document.empty() ? s.issuer : s.document;
  else {
    if (!s.issuer.empty() && s.title.rfind(s.issuer, 0) != 0) out += s.issuer;
    if (!s.title.empty()) out += "《" + s.title + "》";
    std::string details = s.number;
    if (s.date) details += (details.empty() ? "" : "，") + zh_date(*s.date);
    if (!details.empty()) out += s.title.empty() ? details : "（" + details + "）";
  }
  return out + (s.section.empty() ? "" : "，" + s.section);
}

const char* mode_zh(ExamMode m) { return m == ExamMode::cbt ? "人机对话" : "纸笔作答"; }

void describe(FeedEvent& e) {
  std::vector<std::string> lines;
  lines.push_back("时间：" + e.display);
  if (!e.hours.empty()) lines.push_back("办理时间：" + hours_text(e.hours));
  if (!e.place.empty()) lines.push_back("地点：" + e.place);
  if (e.approximate) lines.push_back("此日期为预计，以官方公布为准。");
  if (e.possible) lines.push_back("可能的考试日：各专业在哪一天考试尚未公布，以准考证为准。");
  else if (e.day_by_admission_card) lines.push_back("具体考试日期以准考证为准。");
  if (!e.unconfirmed.empty()) lines.push_back("待确认：" + e.unconfirmed);
  if (!e.note.empty()) lines.push_back(e.note);
  if (std::string s = source_text(e.source); !s.empty()) lines.push_back(s);
  e.description.clear();
  for (const auto& l : lines) e.description += (e.description.empty() ? "" : "\n") + l;
}

FeedEvent base_event(const ResolvedPhase& rp, const std::string& key) {
  FeedEvent e;
  e.key = key;
  e.phase_id = rp.phase.id.value;
  e.title = rp.phase.name;
  e.audience = rp.phase.audience;
  e.form = rp.phase.form;
  e.place = rp.phase.place;
  e.hours = rp.phase.hours;
  e.approximate = rp.phase.approximate;
  e.unconfirmed = rp.phase.unconfirmed.value;
  e.note = rp.phase.note;
  e.source = rp.phase.source;
  e.display = zh_timing(rp);
  return e;
}

// The events of one non-exam phase.
void phase_events(const ResolvedPhase& rp, std::vector<FeedEvent>& out) {
  const Phase& p = rp.phase;
  const std::string& id = p.id.value;
  if (rp.tba || (!rp.first && !rp.last)) {
    FeedEvent e = base_event(rp, id);
    e.kind = EventKind::tba;
    e.note = rp.tba_note.empty() ? p.note : rp.tba_note;
    out.push_back(std::move(e));
    return;
  }
  switch (p.timing.kind) {
  case TimingKind::window: {
    FeedEvent e = base_event(rp, id);
    e.kind = EventKind::window;
    e.start = rp.first;
    e.end = rp.last;
    out.push_back(e);
    for (const Slot& s : p.slots) {
      FeedEvent slot = base_event(rp, id + "/slot-" + s.key);
      slot.kind = EventKind::day;
      slot.title = p.name + "：" + s.who;
      slot.start = slot.end = s.date.date;
      if (!s.unconfirmed.empty()) slot.unconfirmed = s.unconfirmed.value;
      slot.display = zh_date(s.date.date) + (slot.unconfirmed.empty() ? "" : "（待确认）");
      if (!s.hours.empty()) slot.hours = s.hours;
      out.push_back(std::move(slot));
    }
    // Candidates act on the last day; a separate event carries the warning in its title, since
    // calendar apps that ignore alarms (Google) still show titles.
    if (p.audience == Audience::candidate) {
      FeedEvent d = base_event(rp, id + "/deadline");
      d.kind = EventKind::deadline;
      d.title = "【截止】" + p.name + "最后一天";
      d.start = d.end = rp.last;
      d.display = zh_date(*rp.last);
      out.push_back(std::move(d));
    }
    return;
  }
  case TimingKind::from: {
    FeedEvent e = base_event(rp, id);
    e.kind = EventKind::opens;
    e.title = p.name + "开始";
    e.start = e.end = rp.first;
    e.note = rp.tba_note.empty() ? p.note : "截止日期：" + rp.tba_note;
    out.push_back(std::move(e));
    return;
  }
  case TimingKind::deadline: {
    FeedEvent e = base_event(rp, id);
    e.kind = EventKind::deadline;
    e.title = (p.audience == Audience::candidate ? "【截止】" : "") + p.name + "截止";
    e.start = e.end = rp.last;
    out.push_back(std::move(e));
    return;
  }
  case TimingKind::days: {
    for (size_t i = 0; i < p.timing.days.size(); ++i) {
      FeedEvent e = base_event(rp, id + "/day-" + std::to_string(i + 1));
      e.kind = EventKind::day;
      e.start = e.end = p.timing.days[i].date;
      out.push_back(std::move(e));
    }
    return;
  }
  case TimingKind::relative: {
    FeedEvent e = base_event(rp, id);
    e.kind = p.approximate ? EventKind::estimate : EventKind::deadline;
    if (p.approximate) e.title = "（预计）" + p.name;
    e.start = e.end = rp.last;
    out.push_back(std::move(e));
    return;
  }
  case TimingKind::tba: return;
  }
}

// The key of an exam day of a calendar without batches: its place in the exam days, the only
// id such a day has.
std::string day_key(const ResolvedCalendar& rc, Date day) {
  for (size_t i = 0; i < rc.exam_days.size(); ++i)
    if (rc.exam_days[i] == day) return "exam/d" + std::to_string(i + 1);
  return "exam/" + day.iso(); // not reached: the exam period holds every day
}

// The key of a batch's day: its place inside its batch ("exam/d1/cbt-2" is cbt-2's first day),
// never its place in the whole exam period, so that paper days or batches added before it, a
// postponement or batches published later leave it, and its sessions, under the same UID.
std::string batch_day_key(const Batch& b, size_t ordinal) {
  return "exam/d" + std::to_string(ordinal + 1) + "/" + b.id.value;
}

std::string unconfirmed_exam(const Exam& exam, const Batch* b) {
  if (b && !b->unconfirmed.empty()) return b->unconfirmed.value;
  return exam.unconfirmed.value;
}

// Timed sessions of one batch (or all-day exam days when session times are not published).
void batch_events(const ResolvedCalendar& rc, const Batch& b, bool by_admission_card,
                  const std::string& specialties_note, std::vector<FeedEvent>& out) {
  const Exam& exam = *rc.exam;
  const ResolvedPhase* exam_phase = rc.find("exam");
  std::string batch_name = b.name.empty() ? std::string(mode_zh(b.mode)) : b.name;
  auto tba = exam.sessions_tba.find(b.mode);
  for (size_t d = 0; d < b.days.size(); ++d) {
    Date day = b.days[d].date;
    std::string key = batch_day_key(b, d);
    std::vector<const Session*> sessions;
    for (const Session& s : exam.sessions)
      if (s.mode == b.mode && (s.day == 0 || s.day == static_cast<int>(d + 1))) sessions.push_back(&s);
    auto make = [&](const std::string& event_key) {
      FeedEvent e;
      e.key = event_key;
      e.phase_id = "exam";
      e.audience = Audience::candidate;
      e.form = Form::in_person;
      e.batch_id = b.id.value;
      e.mode = to_string(b.mode);
      e.start = e.end = day;
      e.day_by_admission_card = by_admission_card;
      e.unconfirmed = unconfirmed_exam(exam, &b);
      e.possible = b.specialties.empty();
      e.note = specialties_note;
      if (exam_phase) e.source = exam_phase->phase.source;
      return e;
    };
    std::string mark = unconfirmed_exam(exam, &b).empty() ? "" : "（待确认）";
    if (sessions.empty()) {
      FeedEvent e = make(key);
      e.kind = EventKind::exam_day;
      e.title = batch_name + "考试";
      e.display = zh_date(day) + mark;
      std::string why = tba != exam.sessions_tba.end() ? tba->second : std::string("考试时间未公布");
      e.note = e.note.empty() ? why : e.note + "\n" + why;
      out.push_back(std::move(e));
      continue;
    }
    for (const Session* s : sessions) {
      FeedEvent e = make(key + "/" + s->key);
      e.kind = EventKind::session;
      e.title = s->subject + "（" + batch_name + "）";
      if (!s->sitting) e.subject = s->subject;
      e.time = s->time;
      e.display = zh_date(day) + " " + zh_time_range(s->time) + mark;
      out.push_back(std::move(e));
    }
  }
}

// Exam days known, batches not (national 2021, or a postponed exam whose batches are not
// published again): one all-day event per day, each only possible.
void unbatched_exam_days(const ResolvedCalendar& rc, std::vector<FeedEvent>& out) {
  const ResolvedPhase* exam_phase = rc.find("exam");
  for (Date day : rc.exam_days) {
    FeedEvent e;
    e.key = day_key(rc, day);
    e.phase_id = "exam";
    e.kind = EventKind::exam_day;
    e.title = exam_phase ? exam_phase->phase.name : "考试实施";
    e.audience = Audience::candidate;
    e.form = Form::in_person;
    e.start = e.end = day;
    e.unconfirmed = rc.exam->unconfirmed.value;
    e.display = zh_date(day) + (e.unconfirmed.empty() ? "" : "（待确认）");
    e.note = rc.exam->assignment_tba;
    e.possible = true; // no batches: nothing says which specialty sits which day
    if (exam_phase) e.source = exam_phase->phase.source;
    out.push_back(std::move(e));
  }
}

void exam_events(const ResolvedCalendar& rc, std::vector<FeedEvent>& out) {
  if (!rc.exam) return;
  if (rc.exam->batches.empty()) {
    unbatched_exam_days(rc, out);
    return;
  }
  for (const Batch& b : rc.exam->batches) {
    bool assigned = !b.specialties.empty();
    std::string note;
    if (assigned) {
      note = "本批次专业：";
      for (size_t i = 0; i < b.specialties.size(); ++i) note += (i ? "、" : "") + b.specialties[i].value;
    } else if (!rc.exam->assignment_tba.empty()) {
      note = rc.exam->assignment_tba;
    }
    batch_events(rc, b, false, note, out);
  }
}

void sort_events(std::vector<FeedEvent>& events) {
  std::stable_sort(events.begin(), events.end(), [](const FeedEvent& a, const FeedEvent& b) {
    if (a.start.has_value() != b.start.has_value()) return a.start.has_value();
    if (!a.start) return false;
    if (*a.start != *b.start) return *a.start < *b.start;
    int ta = a.time ? a.time->start_minute : -1, tb = b.time ? b.time->start_minute : -1;
    return ta < tb;
  });
}

void finish(std::vector<FeedEvent>& events, const std::string& feed_id) {
  sort_events(events);
  for (FeedEvent& e : events) {
    e.id = feed_id + "/" + e.key;
    // Not yet confirmed, or only possible: said in the title too, since a phone shows little
    // else and calendar apps that ignore STATUS (Google) still show the title.
    if (!e.unconfirmed.empty() && e.kind != EventKind::tba) e.title += "（待确认）";
    if (e.possible) e.title = "（可能）" + e.title;
    describe(e);
  }
}

std::string site_place(const SiteInfo& site) {
  return site.address.empty() ? site.name : site.name + "（" + site.address + "）";
}

std::string feed_title(const Calendar& c, const std::string& what) { return c.title + " — " + what; }

// A staff feed with no event is still published when it must cancel a withdrawn staff event.
bool withdraws_staff_events(const ResolvedCalendar& rc) {
  auto any = [](const Calendar& c) {
    return std::any_of(c.withdrawn.begin(), c.withdrawn.end(),
                       [](const Withdrawal& w) { return w.audience != Audience::candidate; });
  };
  return any(*rc.calendar) || std::any_of(rc.ancestors.begin(), rc.ancestors.end(), [&](const Calendar* a) { return any(*a); });
}

} // namespace

std::vector<FeedEvent> candidate_events(const ResolvedCalendar& rc, const SiteInfo* site) {
  std::vector<FeedEvent> out;
  for (const ResolvedPhase& rp : rc.phases) {
    if (rp.is_exam || !rp.batch_id.empty() || rp.batch_hours > 0) continue;
    if (rp.phase.audience != Audience::candidate) continue;
    size_t before = out.size();
    phase_events(rp, out);
    // A site feed puts the site on its in-person events when the phase names no place.
    if (site)
      for (size_t i = before; i < out.size(); ++i)
        if (out[i].form == Form::in_person && out[i].place.empty()) out[i].place = site_place(*site);
  }
  exam_events(rc, out);
  return out;
}

std::vector<FeedEvent> staff_events(const ResolvedCalendar& rc) {
  std::vector<FeedEvent> out;
  for (const ResolvedPhase& rp : rc.phases) {
    if (rp.is_exam || rp.phase.audience == Audience::candidate) continue;
    size_t before = out.size();
    phase_events(rp, out);
    for (size_t i = before; i < out.size(); ++i) {
      if (rp.phase.audience == Audience::military) out[i].title = "（军队）" + out[i].title;
      if (!rp.batch_id.empty()) {
        out[i].batch_id = rp.batch_id;
        out[i].note = "考试批次“" + rp.batch_id + "”结束后" + std::to_string(rp.batch_hours) + "小时内";
      }
    }
  }
  return out;
}

std::vector<FeedEvent> specialty_events(const ResolvedCalendar& rc, const Specialty& sp) {
  std::vector<FeedEvent> out;
  if (!rc.exam) return out;
  if (rc.exam->batches.empty()) { // a postponed exam without its batches: every day is possible
    unbatched_exam_days(rc, out);
    for (FeedEvent& e : out) e.title = sp.name + "·" + e.title;
    return out;
  }
  std::vector<const Batch*> same_mode, assigned;
  for (const Batch& b : rc.exam->batches) {
    if (b.mode != sp.mode) continue;
    same_mode.push_back(&b);
    for (const Text& code : b.specialties)
      if (code.value == sp.code.value) assigned.push_back(&b);
  }
  if (!assigned.empty()) {
    for (const Batch* b : assigned) batch_events(rc, *b, false, "", out);
  } else {
    // The day is not assigned yet: every day of every batch of its mode is possible.
    for (const Batch* b : same_mode)
      if (b->specialties.empty()) batch_events(rc, *b, true, rc.exam->assignment_tba, out);
  }
  for (FeedEvent& e : out) e.title = sp.name + "·" + e.title;
  return out;
}

bool serves(const Feed& feed, Audience audience) {
  switch (feed.kind) {
  case FeedKind::calendar:
  case FeedKind::site: return audience == Audience::candidate;
  case FeedKind::staff: return audience != Audience::candidate;
  case FeedKind::specialty: return false;
  }
  return false;
}

std::string feed_page(const Feed& feed) {
  if (feed.kind == FeedKind::site && feed.site) return SiteLayout::site_page(feed.calendar->id(), feed.site->id.value);
  if (feed.kind == FeedKind::specialty && feed.specialty)
    return SiteLayout::specialty_page(feed.calendar->id(), feed.specialty->code.value);
  return SiteLayout::calendar_page(feed.calendar->id());
}

std::vector<FeedEvent> feed_events_of(const Feed& feed, const ResolvedCalendar& rc) {
  std::vector<FeedEvent> events;
  switch (feed.kind) {
  case FeedKind::calendar:
  case FeedKind::site: events = candidate_events(rc, feed.site); break;
  case FeedKind::staff: events = staff_events(rc); break;
  case FeedKind::specialty:
    if (feed.specialty) events = specialty_events(rc, *feed.specialty);
    break;
  }
  finish(events, feed.id);
  return events;
}

namespace {
bool defines_batched_exam(const ResolvedCalendar& rc, const std::string& id) {
  return rc.exam && rc.catalogue && !rc.exam->batches.empty() && rc.exam_defined_in == id;
}

// Specialty feeds are published while the exam has batches, and go on being published once an
// earlier revision published them: their subscribers must hear what moved.
bool publishes_specialty_feeds(const ResolvedCalendar& rc) {
  if (defines_batched_exam(rc, rc.id())) return true;
  if (!rc.history || !rc.exam || !rc.catalogue || rc.exam_defined_in != rc.id()) return false;
  for (const RevisionView& v : rc.history->views)
    if (defines_batched_exam(v.resolved, rc.id())) return true;
  return false;
}
} // namespace

std::vector<Feed> calendar_feeds(const ResolvedCalendar& rc) {
  std::vector<Feed> feeds;
  const Calendar& c = *rc.calendar;
  const std::string& id = rc.id();
  const SiteInfo* own_site = c.site ? &*c.site : nullptr;
  // Each feed with its events and what the revision history says of them (bind/feed_history).
  auto make = [](Feed feed, auto make_events) {
    feed.events = make_events();
    finish(feed.events, feed.id);
    apply_history(feed);
    return feed;
  };
  auto add = [&feeds, &make](Feed feed, auto make_events) { feeds.push_back(make(std::move(feed), make_events)); };

  add(Feed{id, FeedKind::calendar, &rc, own_site, nullptr, feed_title(c, "考生日程"), SiteLayout::calendar_feed(id), {}},
      [&] { return candidate_events(rc, own_site); });
  // A calendar with no staff events has no staff feed, unless it withdraws some or a revision
  // cancelled some: then the feed stays, so that its subscribers see them cancelled.
  Feed staff = make(Feed{id + "/staff", FeedKind::staff, &rc, own_site, nullptr, feed_title(c, "考务工作日程"),
                         SiteLayout::staff_feed(id), {}},
                    [&] { return staff_events(rc); });
  if (!staff.events.empty() || !staff.cancelled.empty() || withdraws_staff_events(rc)) feeds.push_back(std::move(staff));
  for (const SiteInfo& s : c.sites)
    add(Feed{id + "/" + s.id.value, FeedKind::site, &rc, &s, nullptr, feed_title(c, s.name + "考生日程"),
             SiteLayout::site_feed(id, s.id.value), {}},
        [&] { return candidate_events(rc, &s); });

  // Specialty feeds belong to the calendar that defines the exam: a site inherits its region's
  // exam days unchanged, so its candidates subscribe to the region's specialty feed (and their
  // site's feed for everything else) rather than to a copy per site.
  if (publishes_specialty_feeds(rc)) {
    for (const Specialty& sp : rc.catalogue->specialties)
      add(Feed{id + "/specialty-" + sp.code.value, FeedKind::specialty, &rc, nullptr, &sp,
               feed_title(c, sp.code.value + " " + sp.name + " 考试安排"), SiteLayout::specialty_feed(id, sp.code.value), {}},
          [&] { return specialty_events(rc, sp); });
  }
  return feeds;
}

std::vector<Feed> build_feeds(const ResolvedProject& project) {
  std::vector<Feed> feeds;
  for (const ResolvedCalendar& rc : project.calendars)
    for (Feed& f : calendar_feeds(rc)) feeds.push_back(std::move(f));
  return feeds;
}

} // namespace kaowu
