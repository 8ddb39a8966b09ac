#include "report/revision_block.hpp"

#include <algorithm>
#include <cstdio>

#include "text/toml_string.hpp"

namespace kaowu {
namespace {

std::string days_toml(const std::vector<DateAt>& days) {
  std::string s = "[";
  for (size_t i = 0; i < days.size(); ++i) s += (i ? ", " : "") + days[i].date.iso();
  return s + "]";
}

std::string clock(int minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

// The timing keys of a phase as written.
std::string timing_toml(const Timing& t) {
  switch (t.kind) {
  case TimingKind::window: return "start = " + t.start.date.iso() + "\nend = " + t.end.date.iso() + "\n";
  case TimingKind::from: return "start = " + t.start.date.iso() + "\n";
  case TimingKind::deadline: return "deadline = " + t.end.date.iso() + "\n";
  case TimingKind::days: return "days = " + days_toml(t.days) + "\n";
  case TimingKind::relative: {
    std::string s = "after = { phase = " + toml_string(t.after.phase.value);
    if (t.after.months) s += ", months = " + std::to_string(t.after.months);
    if (t.after.days) s += ", days = " + std::to_string(t.after.days);
    return s + " }\n";
  }
  case TimingKind::tba: return "tba = " + toml_string(t.open_note.empty() ? "另行通知" : t.open_note) + "\n";
  }
  return "";
}

// What a record of a moved phase writes: only the keys that changed (calendars/README.md): of a
// window that kept one end, the other end alone.
std::string changed_timing_toml(const Timing& was, const Timing& now) {
  if (was.kind == TimingKind::window && now.kind == TimingKind::window) {
    if (was.start.date == now.start.date) return "end = " + was.end.date.iso() + "\n";
    if (was.end.date == now.end.date) return "start = " + was.start.date.iso() + "\n";
  }
  return timing_toml(was);
}

bool same_days(const std::vector<DateAt>& a, const std::vector<DateAt>& b) {
  return days_toml(a) == days_toml(b);
}

bool same_timing(const Timing& a, const Timing& b) {
  return timing_toml(a) == timing_toml(b);
}

const Phase* phase_of(const Calendar& c, const std::string& id) {
  for (const Phase& p : c.phases)
    if (p.id.value == id) return &p;
  return nullptr;
}

const Batch* batch_of(const Calendar& c, const std::string& id) {
  for (const Batch& b : c.exam.batches)
    if (b.id.value == id) return &b;
  return nullptr;
}

const Session* session_of(const Calendar& c, const Session& like) {
  for (const Session& s : c.exam.sessions)
    if (s.mode == like.mode && s.day == like.day && s.key == like.key) return &s;
  return nullptr;
}

std::string session_keys(const Session& s) {
  std::string out = "mode = " + toml_string(to_string(s.mode)) + "\n";
  if (!s.id.empty()) out += "id = " + toml_string(s.id.value) + "\n";
  out += (s.sitting ? "sitting = " : "subject = ") + toml_string(s.subject) + "\n";
  if (s.day) out += "day = " + std::to_string(s.day) + "\n";
  return out;
}

// A phase dropped by the revision, recorded whole (as far as a candidate's calendar showed it).
std::string whole_phase(const Phase& p) {
  std::string s = "id = " + toml_string(p.id.value) + "\n";
  if (!p.name.empty()) s += "name = " + toml_string(p.name) + "\n";
  s += "audience = " + toml_string(to_string(p.audience)) + "\n";
  if (p.form != Form::unspecified) s += "form = " + toml_string(to_string(p.form)) + "\n";
  s += timing_toml(p.timing);
  if (!p.place.empty()) s += "place = " + toml_string(p.place) + "\n";
  return s;
}

} // namespace

std::string revision_block(const Calendar& before, const Calendar& after, const std::vector<PhaseChange>& changes) {
  std::string phases, exam;
  bool exam_days = false;
  for (const PhaseChange& c : changes) {
    if (c.defined_in != after.id.value && !(c.kind == ChangeKind::cancelled && c.defined_in == before.id.value)) continue;
    if (c.what == PhaseChange::What::phase && c.id == "exam") {
      exam_days = exam_days || !same_days(before.exam.days, after.exam.days);
      continue;
    }
    if (c.what == PhaseChange::What::phase) {
      const Phase* was = phase_of(before, c.id);
      const Phase* now = phase_of(after, c.id);
      if (!was && now) phases += "\n[[revisions.phases]]\nid = " + toml_string(c.id) + "\nadded = true\n";
      else if (was && !now) phases += "\n[[revisions.phases]]          # dropped: recorded whole\n" + whole_phase(*was);
      else if (was && now && !same_timing(was->timing, now->timing))
        phases += "\n[[revisions.phases]]\nid = " + toml_string(c.id) + "\n" + changed_timing_toml(was->timing, now->timing);
    } else if (c.what == PhaseChange::What::batch) {
      const Batch* was = batch_of(before, c.id);
      const Batch* now = batch_of(after, c.id);
      if (!was && now) exam += "\n[[revisions.exam.batches]]\nid = " + toml_string(c.id) + "\nadded = true\n";
      else if (was && (!now || !same_days(was->days, now->days))) {
        exam += "\n[[revisions.exam.batches]]\nid = " + toml_string(c.id) + "\n";
        if (!now) exam += "mode = " + toml_string(to_string(was->mode)) + "\n";
        exam += "days = " + days_toml(was->days) + "\n";
      }
    } else {
      for (const Session& s : before.exam.sessions) {
        // calendar_diff names a session "<mode>/[day<N>/]<key>".
        std::string id = std::string(to_string(s.mode)) + "/" + (s.day ? "day" + std::to_string(s.day) + "/" : "") + s.key;
        if (id != c.id) continue;
        const Session* now = session_of(after, s);
        if (now && now->time.start_minute == s.time.start_minute && now->time.end_minute == s.time.end_minute) continue;
        exam += "\n[[revisions.exam.sessions]]\n" + session_keys(s) + "time = \"" + clock(s.time.start_minute) + "-" +
                clock(s.time.end_minute) + "\"\n";
      }
    }
  }
  if (phases.empty() && exam.empty() && !exam_days) return "";
  std::string out = "[[revisions]]\n";
  out += "revision = " + std::to_string(std::max(after.revision, before.revision + 1)) + "\n";
  out += "# issued = YYYY-MM-DD          # the date of the correction notice (required)\n";
  out += "# title = \"关于……调整的通知\"     # its title (required)\n";
  out += "# document = \"…〔…〕…号\"        # its document number, if it has one\n";
  out += "# reason = \"…\"                  # why, as the notice says\n";
  out += phases;
  if (exam_days) out += "\n[revisions.exam]\ndays = " + days_toml(before.exam.days) + "\n";
  out += exam;
  return out;
}

} // namespace kaowu
