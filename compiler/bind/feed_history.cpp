#include "bind/feed_history.hpp"

#include <algorithm>
#include <map>

#include "text/zh_format.hpp"

namespace kaowu {
namespace {

bool dated(const FeedEvent* e) { return e && e->kind != EventKind::tba && e->start; }

bool same_time(const std::optional<TimeRange>& a, const std::optional<TimeRange>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->start_minute == b->start_minute && a->end_minute == b->end_minute);
}

// The same as far as a subscriber's calendar goes: both absent, both to be announced, or on the
// same days at the same times.
bool same(const FeedEvent* a, const FeedEvent* b) {
  if (dated(a) != dated(b)) return false;
  if (!dated(a)) return (a == nullptr) == (b == nullptr);
  return a->start == b->start && a->end == b->end && same_time(a->time, b->time);
}

FeedEvent::Earlier earlier(const FeedEvent& e, int revision, std::optional<Date> revised) {
  return FeedEvent::Earlier{e.start, e.end, e.time, e.display, revision, revised};
}

// "原定：2024年4月1日－21日（2024年3月20日第2版调整）", after the timing line of the description.
void say_what_it_was(FeedEvent& e) {
  if (!e.was) return;
  std::string when = e.was->revised ? zh_date(*e.was->revised) : std::string();
  std::string line = "原定：" + e.was->display + "（" + when + "第" + std::to_string(e.was->revision) + "版调整）";
  size_t end = e.description.find('\n');
  if (end == std::string::npos) e.description += "\n" + line;
  else e.description.insert(end + 1, line + "\n");
}

ChangeKind kind_of(const FeedEvent* before, const FeedEvent* after) {
  if (!before) return ChangeKind::added;
  if (!after) return ChangeKind::cancelled;
  if (dated(before) && !dated(after)) return ChangeKind::tba;
  if (!dated(before) && dated(after)) return ChangeKind::scheduled;
  return ChangeKind::moved;
}

} // namespace

void apply_history(Feed& feed) {
  const CalendarHistory* h = feed.calendar ? feed.calendar->history.get() : nullptr;
  if (!h) return;
  const size_t last = h->revisions.size(); // the current state
  std::vector<std::vector<FeedEvent>> past;
  for (size_t s = 0; s < last; ++s) past.push_back(feed_events_of(feed, h->views[s].resolved));

  // Each key's event in every state, current keys first, in the feed's order.
  std::vector<std::string> keys;
  std::map<std::string, std::vector<const FeedEvent*>> at;
  auto add = [&](const std::vector<FeedEvent>& events, size_t state) {
    for (const FeedEvent& e : events) {
      auto [it, fresh] = at.emplace(e.key, std::vector<const FeedEvent*>(last + 1, nullptr));
      if (fresh) keys.push_back(e.key);
      it->second[state] = &e;
    }
  };
  add(feed.events, last);
  for (size_t s = last; s-- > 0;) add(past[s], s);

  std::map<std::string, FeedEvent*> current;
  for (FeedEvent& e : feed.events) current[e.key] = &e;
  std::vector<EventChange> changes;
  for (const std::string& key : keys) {
    const std::vector<const FeedEvent*>& states = at[key];
    size_t changed = 0; // the last state whose revision changed the event
    for (size_t t = 1; t <= last; ++t) {
      if (same(states[t - 1], states[t])) continue;
      changed = t;
      const FeedEvent* shown = states[t] ? states[t] : states[t - 1];
      EventChange c;
      c.id = shown->id;
      c.title = shown->title;
      c.kind = kind_of(states[t - 1], states[t]);
      c.revision = h->number(t);
      c.revised = h->date_of(t);
      if (states[t - 1]) c.was = earlier(*states[t - 1], c.revision, c.revised);
      if (states[t]) c.now = earlier(*states[t], c.revision, c.revised);
      changes.push_back(std::move(c));
    }
    // The last state it had a date in, before now.
    size_t dated_until = last;
    for (size_t s = last; s-- > 0;)
      if (dated(states[s])) {
        dated_until = s;
        break;
      }
    if (FeedEvent* e = current.count(key) ? current[key] : nullptr) {
      if (changed) e->last_modified = h->date_of(changed);
      if (dated(e) && changed && dated(states[changed - 1]))
        e->was = earlier(*states[changed - 1], h->number(changed), h->date_of(changed));
      if (!dated(e) && dated_until != last) // dated before, to be announced now
        e->was = earlier(*states[dated_until], h->number(dated_until + 1), h->date_of(dated_until + 1));
      say_what_it_was(*e);
      // What is to be announced now gets a cancellation too, for the calendars that hold the old
      // date (iCalendar cannot say "date unknown").
      if (dated(e) || dated_until == last) continue;
    } else if (dated_until == last) {
      continue; // never had a date: nothing to cancel
    }
    FeedEvent gone = *states[dated_until];
    gone.cancelled = true;
    gone.cancelled_in = h->number(dated_until + 1);
    gone.last_modified = h->date_of(dated_until + 1);
    gone.was.reset();
    feed.cancelled.push_back(std::move(gone));
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const EventChange& a, const EventChange& b) { return a.revision > b.revision; });
  feed.changes = std::move(changes);
}

} // namespace kaowu
