#include "bind/feed_memory.hpp"

#include <set>

#include "bind/previous_build.hpp"
#include "text/phase_label.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {

// The keys a feed publishes under a UID of its own: dated events, cancellations, withdrawals.
std::set<std::string> published_keys(const Feed& feed) {
  std::set<std::string> keys;
  for (const FeedEvent& e : feed.events)
    if (e.kind != EventKind::tba) keys.insert(e.key);
  for (const FeedEvent& e : feed.cancelled) keys.insert(e.key);
  auto withdrawn = [&](const Calendar& c) {
    for (const Withdrawal& w : c.withdrawn)
      if (serves(feed, w.audience)) keys.insert(w.event.value);
  };
  withdrawn(*feed.calendar->calendar);
  for (const Calendar* a : feed.calendar->ancestors) withdrawn(*a);
  return keys;
}

FeedEvent cancellation(const PreviousEvent& p, const std::string& key) {
  FeedEvent e;
  e.id = p.id;
  e.key = key;
  e.phase_id = p.phase;
  e.title = p.title;
  e.audience = p.audience;
  e.kind = p.time ? EventKind::session : p.start == p.end ? EventKind::day : EventKind::window;
  e.start = p.start;
  e.end = p.end;
  e.time = p.time;
  e.display = p.display.empty() ? zh_date(p.start) : p.display;
  e.description = "时间：" + e.display;
  e.cancelled = true;
  e.from_previous_build = true;
  return e;
}

// "2024-05-13/2024-05-17", or the one day, as KW0402 writes dates.
std::string days_of(const PreviousEvent& p) {
  return p.start == p.end ? p.start.iso() : p.start.iso() + "/" + p.end.iso();
}

// Where the calendar now says what became of the phase: the phase, the exam, or the calendar.
Location where(const ResolvedCalendar& rc, const std::string& phase_id) {
  if (const ResolvedPhase* rp = rc.find(phase_id); rp && rp->defined_in == rc.id())
    return rp->phase.timing.loc.known() ? rp->phase.timing.loc : rp->phase.loc;
  if (phase_id == "exam" && rc.exam && rc.exam_defined_in == rc.id() && rc.exam->loc.known()) return rc.exam->loc;
  return rc.calendar->loc;
}

struct Loss {
  const ResolvedCalendar* calendar;
  std::string phase;
  PreviousEvent event;
};

} // namespace

void cancel_what_previous_build_published(std::vector<Feed>& feeds, const SourceTree& previous, DiagnosticSink& sink) {
  std::vector<Loss> losses;
  std::set<std::pair<std::string, std::string>> lost; // (calendar, phase) of a candidate feed's loss
  for (Feed& feed : feeds) {
    std::vector<PreviousEvent> before = previous_feed_events(previous, feed.path_stem);
    if (before.empty()) continue;
    std::set<std::string> keys = published_keys(feed);
    std::string prefix = feed.id + "/";
    for (const PreviousEvent& p : before) {
      if (p.id.compare(0, prefix.size(), prefix) != 0) continue; // another feed's event
      std::string key = p.id.substr(prefix.size());
      if (!keys.insert(key).second) continue;
      feed.cancelled.push_back(cancellation(p, key));
      if (p.cancelled || feed.kind != FeedKind::calendar) continue; // said already, or in the calendar's feed
      if (lost.emplace(feed.calendar->id(), p.phase).second) losses.push_back(Loss{feed.calendar, p.phase, p});
    }
  }
  // A phase the region dropped is lost in its sites' feeds too: the region is told, once.
  for (const Loss& l : losses) {
    bool above = false;
    for (const Calendar* a : l.calendar->ancestors) above = above || lost.count({a->id.value, l.phase});
    if (above) continue;
    const ResolvedPhase* rp = l.calendar->find(l.phase);
    std::string zh = rp ? phase_label(rp->phase, true) : phase_label(l.event.title, l.phase, true);
    std::string en = rp ? phase_label(rp->phase, false) : phase_label(l.event.title, l.phase, false);
    sink.report_localized(DiagKind::unrecorded_change, where(*l.calendar, l.phase), {en, days_of(l.event), "cancelled"},
                          {zh, days_of(l.event), "已取消"});
  }
}

} // namespace kaowu
