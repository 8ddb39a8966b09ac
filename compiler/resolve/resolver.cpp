// Resolution: parents first, then each calendar inherits its ancestors' phases, exam and
// catalogue, and relative dates become concrete.
#include "resolve/resolver.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "diag/suggest.hpp"
#include "load/domain_limits.hpp"
#include "resolve/revision_records.hpp"
#include "resolve/revision_views.hpp"
#include "text/phase_label.hpp"

namespace kaowu {
namespace {

const char* level_zh(Level l) {
  return l == Level::national ? "全国" : l == Level::region ? "考区" : "考点";
}

void set_dates(ResolvedPhase& rp) {
  const Timing& t = rp.phase.timing;
  switch (t.kind) {
  case TimingKind::window:
    rp.first = t.start.date;
    rp.last = t.end.date;
    break;
  case TimingKind::from:
    rp.first = t.start.date;
    rp.tba_note = t.open_note;
    break;
  case TimingKind::deadline:
    rp.first = rp.last = t.end.date;
    break;
  case TimingKind::days:
    if (!t.days.empty()) {
      rp.first = t.days.front().date;
      rp.last = t.days.back().date;
    }
    break;
  case TimingKind::relative: break; // computed later
  case TimingKind::tba:
    rp.tba = true;
    rp.tba_note = t.open_note;
    break;
  }
}

ResolvedPhase exam_phase(const ResolvedCalendar& rc) {
  ResolvedPhase rp;
  rp.is_exam = true;
  rp.defined_in = rc.exam_defined_in;
  Phase& p = rp.phase;
  p.id = Text{"exam", rc.exam->loc};
  p.kinds = {"exam"};
  p.unconfirmed = rc.exam->unconfirmed;
  p.name = rc.exam->name.empty() ? "考试实施" : rc.exam->name;
  p.audience = Audience::candidate;
  p.form = Form::in_person;
  p.source = rc.exam->source;
  p.loc = rc.exam->loc;
  p.timing.kind = TimingKind::days;
  for (Date d : rc.exam_days) p.timing.days.push_back(DateAt{d, rc.exam->loc});
  if (rc.exam_days.empty()) {
    p.timing.kind = TimingKind::tba;
    rp.tba = true;
    rp.tba_note = rc.exam->assignment_tba;
  } else {
    rp.first = rc.exam_days.front();
    rp.last = rc.exam_days.back();
  }
  return rp;
}

// One deadline per batch for each per-batch task; unknown batches leave it open.
void add_batch_tasks(ResolvedCalendar& rc) {
  for (const BatchTask& task : rc.exam->batch_tasks) {
    bool any = false;
    for (const Batch& b : rc.exam->batches) {
      if (b.mode != task.mode || b.days.empty()) continue;
      any = true;
      ResolvedPhase rp;
      rp.defined_in = rc.exam_defined_in;
      rp.batch_id = b.id.value;
      rp.batch_hours = task.hours;
      Phase& p = rp.phase;
      p.id = Text{task.id.value + "-" + b.id.value, task.id.loc};
      p.kinds = {"other"};
      p.name = task.name;
      p.audience = task.audience;
      p.source = task.source;
      p.loc = task.loc;
      p.timing.kind = TimingKind::deadline;
      Date due = b.days.back().date.plus_days((task.hours + 23) / 24);
      p.timing.end = DateAt{due, task.loc};
      rp.first = rp.last = due;
      rc.phases.push_back(std::move(rp));
    }
    if (!any) {
      ResolvedPhase rp;
      rp.defined_in = rc.exam_defined_in;
      rp.batch_hours = task.hours;
      rp.phase.id = task.id;
      rp.phase.kinds = {"other"};
      rp.phase.name = task.name;
      rp.phase.audience = task.audience;
      rp.phase.source = task.source;
      rp.phase.loc = task.loc;
      rp.phase.timing.kind = TimingKind::tba;
      rp.tba = true;
      rp.tba_note = rc.exam->assignment_tba.empty() ? "批次日期未公布" : rc.exam->assignment_tba;
      rc.phases.push_back(std::move(rp));
    }
  }
}

void resolve_relative(ResolvedCalendar& rc, DiagnosticSink& sink) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < rc.phases.size(); ++i) index[rc.phases[i].phase.id.value] = i;
  std::vector<std::string> names;
  for (auto& [id, i] : index) names.push_back(id);
  std::vector<int> state(rc.phases.size(), 0); // 0 new, 1 visiting, 2 done
  // Depth-first along `after` links with an explicit stack: a chain of thousands of relative
  // phases must not exhaust the call stack. `path` holds the chain being followed.
  auto finish = [&](size_t i, const std::vector<size_t>& path) {
    ResolvedPhase& rp = rc.phases[i];
    const RelativeTo& after = rp.phase.timing.after;
    auto it = index.find(after.phase.value);
    if (it == index.end()) {
      // Report once, in the calendar that wrote the phase.
      if (rp.defined_in == rc.id() && !after.phase.empty()) {
        Diagnostic& d = sink.report(DiagKind::unknown_phase, after.phase.loc, {after.phase.value, rc.id()});
        if (auto near = closest_match(after.phase.value, names))
          set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
      }
      rp.tba = true;
    } else if (state[it->second] == 1) {
      if (rp.defined_in == rc.id()) {
        std::string chain;
        for (size_t p : path) chain += rc.phases[p].phase.id.value + " → ";
        sink.report_localized(DiagKind::relative_cycle, after.phase.loc, {phase_label(rp.phase, false), chain + after.phase.value},
                              {phase_label(rp.phase, true), chain + after.phase.value});
      }
      rp.tba = true;
    } else {
      const ResolvedPhase& anchor = rc.phases[it->second];
      if (anchor.last) {
        Date d = anchor.last->plus_months(after.months).plus_days(after.days);
        rp.first = rp.last = d;
      } else {
        rp.tba = true;
        rp.tba_note = "以“" + anchor.phase.name + "”为准（该日期未公布）";
      }
    }
    state[i] = 2;
  };
  for (size_t start = 0; start < rc.phases.size(); ++start) {
    std::vector<size_t> path;
    size_t i = start;
    // Walk down to the first phase that is done, absolute, unknown or already on the path.
    while (state[i] == 0) {
      if (rc.phases[i].phase.timing.kind != TimingKind::relative) {
        state[i] = 2;
        break;
      }
      state[i] = 1;
      path.push_back(i);
      auto it = index.find(rc.phases[i].phase.timing.after.phase.value);
      if (it == index.end()) break;
      i = it->second;
    }
    // Then resolve the chain from its anchor back to where it started.
    while (!path.empty()) {
      size_t top = path.back();
      finish(top, path);
      path.pop_back();
    }
  }
}

void check_specialties(const ResolvedCalendar& rc, const std::vector<Text>& codes, DiagnosticSink& sink) {
  for (const Text& code : codes) {
    if (!rc.catalogue) {
      Diagnostic& d = sink.report(DiagKind::unknown_specialty, code.loc, {code.value, "—"});
      set_help(d, "name the catalogue in force: catalogue = \"…\" in [calendar]",
               "请在 [calendar] 中写明 catalogue = \"…\"");
      continue;
    }
    if (rc.catalogue->find(code.value)) continue;
    const std::string& cat = rc.catalogue->catalogue->id.value;
    if (auto r = rc.catalogue->removed.find(code.value); r != rc.catalogue->removed.end()) {
      Diagnostic& d = sink.report(DiagKind::removed_specialty, code.loc, {code.value, cat});
      add_note(d, r->second->loc, "removed here" + (r->second->into.empty() ? std::string() : ", merged into " + r->second->into),
               "在此取消" + (r->second->into.empty() ? std::string() : "，并入" + r->second->into));
      continue;
    }
    std::vector<std::string> all;
    for (const Specialty& s : rc.catalogue->specialties) all.push_back(s.code.value);
    Diagnostic& d = sink.report(DiagKind::unknown_specialty, code.loc, {code.value, cat});
    if (auto near = closest_match(code.value, all))
      set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
  }
}

std::vector<std::string> inherited_ids(const ResolvedCalendar& rc, const Calendar& level) {
  std::vector<std::string> ids;
  for (const ResolvedPhase& q : rc.phases)
    if (q.defined_in != level.id.value) ids.push_back(q.phase.id.value);
  return ids;
}

void suggest(Diagnostic& d, const std::string& word, const std::vector<std::string>& choices) {
  if (auto near = closest_match(word, choices)) set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
}

// Whether two sources cite one document (whatever their sections).
bool same_document(const Source& a, const Source& b) {
  return a.issuer == b.issuer && a.number == b.number && a.title == b.title && a.document == b.document && a.date == b.date;
}

// Adds a phase of `level` to what the calendar has inherited so far. It replaces the inherited
// phase of the same id, or the one it `narrows`; one that `opts_out` with no dates removes it.
// Problems are reported once, for the calendar that wrote the phase (`own`).
void inherit_phase(ResolvedCalendar& rc, const Calendar& level, bool own, ResolvedPhase rp, DiagnosticSink& sink) {
  const Phase& p = rp.phase;
  const std::string& target = p.narrows.empty() ? p.id.value : p.narrows.value;
  auto above = std::find_if(rc.phases.begin(), rc.phases.end(), [&](const ResolvedPhase& q) {
    return q.phase.id.value == target && (p.narrows.empty() || q.defined_in != level.id.value);
  });
  // Several phases of one level may narrow one phase of the parent (预报名 and 正式报名 both narrow
  // the national 网上报名): the first replaced it, so a later one finds its sibling instead, is
  // compared with the parent's phase all the same (check/bounds.cpp), and is published beside it.
  auto sibling = above != rc.phases.end() ? rc.phases.end() : std::find_if(rc.phases.begin(), rc.phases.end(), [&](const ResolvedPhase& q) {
    if (q.defined_in != level.id.value || &q.phase == &p) return false;
    return q.phase.narrows.empty() ? q.phase.id.value == target && !p.narrows.empty() : q.phase.narrows.value == target;
  });
  const bool narrows_with_sibling = sibling != rc.phases.end();
  const std::string parent_id = level.parent.value;
  if (!p.narrows.empty()) {
    if (level.parent.empty()) {
      if (own)
        sink.report_localized(DiagKind::narrows_without_parent, p.narrows.loc, {phase_label(p, false), p.narrows.value, level.id.value},
                              {phase_label(p, true), p.narrows.value, level.id.value});
    } else if (narrows_with_sibling) {
      if (!p.kind_written) rp.phase.kinds = sibling->phase.kinds;
    } else if (above == rc.phases.end()) {
      if (own && !rc.ancestors.empty()) {
        Diagnostic& d = sink.report(DiagKind::unknown_phase, p.narrows.loc, {p.narrows.value, parent_id});
        suggest(d, p.narrows.value, inherited_ids(rc, level));
      }
    } else if (!p.kind_written) {
      // A phase that narrows the parent's registration is a registration.
      rp.phase.kinds = above->phase.kinds;
    }
  }
  // (A `narrows` that finds nothing is reported above, once.)
  if (own && above == rc.phases.end() && !narrows_with_sibling && p.narrows.empty() && (!p.widens.empty() || !p.opts_out.empty())) {
    const Text& decl = p.opts_out.empty() ? p.widens : p.opts_out;
    const char* key = p.opts_out.empty() ? "widens" : "opts_out";
    if (level.parent.empty())
      sink.report_localized(DiagKind::exception_without_parent_phase, decl.loc,
                            {phase_label(p, false), key, "calendar '" + level.id.value + "' has no parent"},
                            {phase_label(p, true), key, "日程“" + level.id.value + "”没有上级日程"});
    else if (!rc.ancestors.empty()) {
      Diagnostic& d = sink.report_localized(
          DiagKind::exception_without_parent_phase, decl.loc,
          {phase_label(p, false), key, "the parent calendar '" + parent_id + "' has no phase '" + target + "'"},
          {phase_label(p, true), key, "上级日程“" + parent_id + "”中没有阶段“" + target + "”"});
      suggest(d, target, inherited_ids(rc, level));
    }
  }
  if (p.takes_no_part) {
    if (above != rc.phases.end()) {
      if (rp.phase.name.empty()) rp.phase.name = above->phase.name;
      rc.phases.erase(above);
    }
    rc.opted_out.push_back(std::move(rp));
    return;
  }
  // A phase of a lower level whose id the parent does not have, which neither narrows a parent's
  // phase nor says what it is: most likely a misspelt id (`confirm`), and then the parent's window
  // and this one are both published.
  if (own && above == rc.phases.end() && !narrows_with_sibling && p.narrows.empty() && p.widens.empty() && p.opts_out.empty() &&
      !rc.ancestors.empty() && !p.kind_written && p.kinds.size() == 1 && p.kinds[0] == "other") {
    Diagnostic& d = sink.report_localized(DiagKind::phase_matches_no_parent, p.id.loc, {phase_label(p, false), parent_id},
                                          {phase_label(p, true), parent_id});
    suggest(d, p.id.value, inherited_ids(rc, level));
  }
  // A date the parent marks unconfirmed stays so in a child that narrows it citing the parent's
  // own document (a copy, as the scaffolds once wrote them): only the child's own source confirms.
  const ResolvedPhase* parent_phase = above != rc.phases.end() ? &*above : narrows_with_sibling ? &*sibling : nullptr;
  if (parent_phase && p.unconfirmed.empty() && !parent_phase->phase.unconfirmed.empty() &&
      same_document(p.source, parent_phase->phase.source))
    rp.phase.unconfirmed = parent_phase->phase.unconfirmed;
  if (above != rc.phases.end()) *above = std::move(rp);
  else rc.phases.push_back(std::move(rp));
}

void check_fee_levels(const ResolvedCalendar& rc, DiagnosticSink& sink) {
  for (const Fee& f : rc.calendar->fees)
    for (const Text& level : f.levels) {
      std::vector<std::string> ids;
      if (rc.catalogue)
        for (const LevelRange& l : rc.catalogue->levels) ids.push_back(l.id.value);
      if (std::find(ids.begin(), ids.end(), level.value) != ids.end()) continue;
      Diagnostic& d = sink.report(DiagKind::unknown_level, level.loc,
                                  {level.value, rc.catalogue ? rc.catalogue->catalogue->id.value : "—"});
      if (!rc.catalogue)
        set_help(d, "name the catalogue in force: catalogue = \"…\" in [calendar]", "请在 [calendar] 中写明 catalogue = \"…\"");
      else
        suggest(d, level.value, ids);
    }
}

} // namespace

ResolvedCalendar resolve_calendar(const Calendar& c, const std::vector<const Calendar*>& ancestors,
                                  const std::vector<ResolvedCatalogue>& catalogues, const Project& project,
                                  DiagnosticSink& sink) {
  std::vector<std::string> catalogue_ids;
  for (const ResolvedCatalogue& cat : catalogues) catalogue_ids.push_back(cat.catalogue->id.value);
  ResolvedCalendar rc;
  rc.calendar = &c;
  rc.ancestors = ancestors;
  // Phases: the farthest ancestor first, each nearer calendar overriding by id.
  std::vector<const Calendar*> order(rc.ancestors.rbegin(), rc.ancestors.rend());
  order.push_back(&c);
  for (const Calendar* level : order) {
    for (const Phase& p : level->phases) {
      ResolvedPhase rp;
      rp.phase = p;
      rp.defined_in = level->id.value;
      set_dates(rp);
      inherit_phase(rc, *level, level == &c, std::move(rp), sink);
    }
    if (level->exam.present) {
      rc.exam = &level->exam;
      rc.exam_defined_in = level->id.value;
    }
    if (!level->catalogue.empty()) {
      auto cat = std::find_if(catalogues.begin(), catalogues.end(), [&](const ResolvedCatalogue& r) {
        return r.catalogue->id.value == level->catalogue.value;
      });
      if (cat != catalogues.end()) rc.catalogue = &*cat;
      else if (level == &c && !project.ids_in_broken_files.count(c.catalogue.value)) {
        Diagnostic& d = sink.report(DiagKind::unknown_catalogue, c.catalogue.loc, {c.catalogue.value});
        if (auto near = closest_match(c.catalogue.value, catalogue_ids))
          set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
      }
    }
  }
  if (rc.exam) {
    std::set<Date> days;
    for (const DateAt& d : rc.exam->days) days.insert(d.date);
    if (days.empty())
      for (const Batch& b : rc.exam->batches)
        for (const DateAt& d : b.days) days.insert(d.date);
    rc.exam_days.assign(days.begin(), days.end());
    rc.phases.push_back(exam_phase(rc));
    add_batch_tasks(rc);
  }
  resolve_relative(rc, sink);
  if (c.exam.present)
    for (const Batch& b : c.exam.batches) check_specialties(rc, b.specialties, sink);
  for (const Fee& f : c.fees) check_specialties(rc, f.specialties, sink);
  check_fee_levels(rc, sink);
  // By date; what is not yet published goes last, in the order written.
  std::stable_sort(rc.phases.begin(), rc.phases.end(), [](const ResolvedPhase& a, const ResolvedPhase& b) {
    auto key = [](const ResolvedPhase& p) { return p.first ? p.first : p.last; };
    auto ka = key(a), kb = key(b);
    if (ka && kb) return *ka < *kb || (*ka == *kb && a.last.value_or(*ka) < b.last.value_or(*kb));
    return ka.has_value() && !kb.has_value();
  });
  return rc;
}

ResolvedProject resolve(const Project& project, DiagnosticSink& sink) {
  ResolvedProject out;
  out.project = &project;
  check_unique_ids(project, sink);
  out.catalogues = resolve_catalogues(project, sink);
  for (const HolidayYear& h : project.holidays) out.holidays.add(h);

  std::map<std::string, const Calendar*> by_id;
  std::vector<std::string> calendar_ids;
  for (const Calendar& c : project.calendars)
    if (!c.id.empty() && by_id.emplace(c.id.value, &c).second) calendar_ids.push_back(c.id.value);

  // Each calendar's ancestors, with unknown parents, wrong levels and cycles reported.
  std::map<const Calendar*, std::vector<const Calendar*>> ancestors;
  for (const Calendar& c : project.calendars) {
    std::vector<const Calendar*> chain;
    const Calendar* current = &c;
    std::vector<std::string> seen = {c.id.value};
    while (!current->parent.empty() && chain.size() <= limits::kParentChain) {
      auto it = by_id.find(current->parent.value);
      if (it == by_id.end()) {
        if (current == &c && !project.ids_in_broken_files.count(c.parent.value)) {
          Diagnostic& d = sink.report(DiagKind::unknown_parent, c.parent.loc, {c.parent.value});
          if (auto help = suggest_calendar(c.parent.value, calendar_ids)) d.help = *help;
        }
        break;
      }
      const Calendar* parent = it->second;
      if (std::find(seen.begin(), seen.end(), parent->id.value) != seen.end()) {
        if (current == &c || parent == &c) {
          std::string path;
          for (const auto& s : seen) path += s + " → ";
          if (parent == &c) sink.report(DiagKind::parent_cycle, c.parent.loc, {c.id.value, path + parent->id.value});
        }
        chain.clear();
        break;
      }
      if (current == &c) {
        bool ok = (c.level == Level::site && parent->level == Level::region) ||
                  (c.level == Level::region && parent->level == Level::national);
        if (!ok) {
          Diagnostic& d = sink.report_localized(DiagKind::parent_level, c.parent.loc,
                                                {to_string(c.level), to_string(parent->level)},
                                                {level_zh(c.level), level_zh(parent->level)});
          add_note(d, parent->loc, "the parent is declared here", "上级日程在这里定义");
        }
      }
      chain.push_back(parent);
      seen.push_back(parent->id.value);
      current = parent;
    }
    ancestors[&c] = chain;
  }

  for (const Calendar& c : project.calendars)
    out.calendars.push_back(resolve_calendar(c, ancestors[&c], out.catalogues, project, sink));
  for (ResolvedCalendar& rc : out.calendars)
    for (const Calendar& c : project.calendars)
      if (c.level == Level::site && !c.parent.empty() && c.parent.value == rc.id())
        rc.site_calendars.push_back(c.id.value);
  // The revision history: each calendar as the earlier revisions of its chain published it.
  attach_histories(out, project, check_revision_records(out, sink));
  return out;
}

} // namespace kaowu
