// The calendar as an earlier revision published it, and each calendar's revision history.
#include "resolve/revision_views.hpp"

#include <algorithm>

#include "resolve/calendar_diff.hpp"
#include "resolve/resolver.hpp"

namespace kaowu {
namespace {

// Writes the keys a record gives over the phase as it is now.
void write_back(Phase& p, const PhaseRecord& rec) {
  const Phase& was = rec.was;
  const std::set<std::string>& k = rec.keys;
  // A record of a window that gives one end only changed that end: the other stays as it is now.
  bool start_only = k.count("start") && !k.count("end") && !k.count("end_tba");
  bool end_only = k.count("end") && !k.count("start");
  bool window_now = p.timing.kind == TimingKind::window || p.timing.kind == TimingKind::from;
  if (rec.writes_timing && window_now && (start_only || end_only)) {
    if (start_only) p.timing.start = was.timing.start;
    else {
      p.timing.kind = TimingKind::window;
      p.timing.end = was.timing.end;
    }
    p.takes_no_part = false;
  } else if (rec.writes_timing) {
    p.timing = was.timing;
    p.takes_no_part = false;
  }
  if (k.count("opts_out")) {
    p.opts_out = was.opts_out;
    p.takes_no_part = was.takes_no_part;
  }
  if (k.count("name")) p.name = was.name;
  if (k.count("audience")) p.audience = was.audience;
  if (k.count("form")) p.form = was.form;
  if (k.count("kind")) p.kinds = was.kinds;
  if (k.count("hours")) p.hours = was.hours;
  if (k.count("place")) p.place = was.place;
  if (k.count("closed_on_holidays")) p.closed_on_holidays = was.closed_on_holidays;
  if (k.count("text")) p.text = was.text;
  if (k.count("note")) p.note = was.note;
  if (k.count("unconfirmed")) p.unconfirmed = was.unconfirmed;
  if (k.count("approximate")) p.approximate = was.approximate;
  if (k.count("url")) p.url = was.url;
  if (k.count("widens")) p.widens = was.widens;
  if (k.count("slots")) p.slots = was.slots;
  if (k.count("source")) p.source = was.source;
}

void write_back(Batch& b, const BatchRecord& rec) {
  const std::set<std::string>& k = rec.keys;
  if (k.count("mode")) b.mode = rec.was.mode;
  if (k.count("name")) b.name = rec.was.name;
  if (k.count("days")) b.days = rec.was.days;
  if (k.count("specialties")) b.specialties = rec.was.specialties;
  if (k.count("unconfirmed")) b.unconfirmed = rec.was.unconfirmed;
}

bool same_session(const Session& a, const Session& b) { return a.mode == b.mode && a.day == b.day && a.key == b.key; }

void write_back(Exam& e, const ExamRecord& rec) {
  if (rec.added) {
    e = Exam{};
    return;
  }
  if (!e.present) { // the revision dropped the [exam]: the record gives it whole
    e = Exam{};
    e.present = true;
    e.loc = rec.loc;
  }
  const std::set<std::string>& k = rec.keys;
  if (k.count("name")) e.name = rec.was.name;
  if (k.count("unconfirmed")) e.unconfirmed = rec.was.unconfirmed;
  if (k.count("days")) e.days = rec.was.days;
  if (k.count("assignment_tba")) e.assignment_tba = rec.was.assignment_tba;
  for (const BatchRecord& br : rec.batches) {
    auto it = std::find_if(e.batches.begin(), e.batches.end(), [&](const Batch& b) { return b.id.value == br.was.id.value; });
    if (br.added) {
      if (it != e.batches.end()) e.batches.erase(it);
    } else if (it == e.batches.end()) {
      e.batches.push_back(br.was);
    } else {
      write_back(*it, br);
    }
  }
  for (const SessionRecord& sr : rec.sessions) {
    auto it = std::find_if(e.sessions.begin(), e.sessions.end(), [&](const Session& s) { return same_session(s, sr.was); });
    if (sr.added) {
      if (it != e.sessions.end()) e.sessions.erase(it);
    } else if (it == e.sessions.end()) {
      e.sessions.push_back(sr.was);
    } else if (sr.keys.count("time")) {
      it->time = sr.was.time;
    }
  }
}

void write_back(Calendar& c, const Revision& rev) {
  for (const PhaseRecord& rec : rev.phases) {
    auto it = std::find_if(c.phases.begin(), c.phases.end(), [&](const Phase& p) { return p.id.value == rec.was.id.value; });
    if (rec.added) {
      if (it != c.phases.end()) c.phases.erase(it);
    } else if (it == c.phases.end()) {
      c.phases.push_back(rec.was); // a phase the revision dropped, recorded whole
    } else {
      write_back(*it, rec);
    }
  }
  if (rev.exam.present) write_back(c.exam, rev.exam);
}

int level_rank(Level l) { return l == Level::national ? 0 : l == Level::region ? 1 : 2; }

// The revisions of a chain in the order they came into force.
std::vector<ChainRevision> chain_revisions(const ResolvedCalendar& rc) {
  std::vector<ChainRevision> out;
  auto add = [&](const Calendar& c) {
    for (const Revision& r : c.revisions) out.push_back(ChainRevision{&c, &r});
  };
  add(*rc.calendar);
  for (const Calendar* a : rc.ancestors) add(*a);
  std::stable_sort(out.begin(), out.end(), [](const ChainRevision& a, const ChainRevision& b) {
    Date da = a.record->issued ? a.record->issued->date : Date{}, db = b.record->issued ? b.record->issued->date : Date{};
    if (da != db) return da < db;
    if (a.calendar->level != b.calendar->level) return level_rank(a.calendar->level) < level_rank(b.calendar->level);
    return a.record->number < b.record->number;
  });
  return out;
}

} // namespace

Calendar calendar_as_of(const Calendar& current, int revision) {
  Calendar c = current;
  std::vector<const Revision*> later;
  for (const Revision& r : current.revisions)
    if (r.number > revision) later.push_back(&r);
  std::sort(later.begin(), later.end(), [](const Revision* a, const Revision* b) { return a->number > b->number; });
  for (const Revision* r : later) write_back(c, *r);
  c.revision = std::min(revision, current.revision);
  return c;
}

void attach_histories(ResolvedProject& out, const Project& input, const std::set<std::string>& broken) {
  for (ResolvedCalendar& rc : out.calendars) {
    std::vector<const Calendar*> chain = {rc.calendar};
    chain.insert(chain.end(), rc.ancestors.begin(), rc.ancestors.end());
    bool any = false, bad = false;
    for (const Calendar* c : chain) {
      any = any || !c->revisions.empty();
      bad = bad || broken.count(c->id.value);
    }
    if (!any || bad) continue;
    auto history = std::make_shared<CalendarHistory>();
    history->revisions = chain_revisions(rc);
    // Revisions raised without records count, but cannot be rolled back.
    for (const Calendar* c : chain)
      if (c->revisions.empty()) history->base += c->revision - 1;
    DiagnosticSink scratch; // an earlier revision is a published fact: nothing to report on it
    for (size_t state = 0; state < history->revisions.size(); ++state) {
      RevisionView view;
      for (const Calendar* c : chain) {
        int in_force = c->revision;
        if (!c->revisions.empty()) {
          in_force = 1;
          for (size_t i = 0; i < state; ++i) in_force += history->revisions[i].calendar == c;
        }
        view.chain.push_back(std::make_unique<Calendar>(calendar_as_of(*c, in_force)));
      }
      std::vector<const Calendar*> ancestors;
      for (size_t i = 1; i < view.chain.size(); ++i) ancestors.push_back(view.chain[i].get());
      view.resolved = resolve_calendar(*view.chain.front(), ancestors, out.catalogues, input, scratch);
      view.resolved.site_calendars = rc.site_calendars;
      history->views.push_back(std::move(view));
    }
    for (size_t i = 0; i < history->revisions.size(); ++i)
      history->changes.push_back(diff_calendars(history->at(i, rc), history->at(i + 1, rc)));
    rc.history = std::move(history);
  }
}

} // namespace kaowu
