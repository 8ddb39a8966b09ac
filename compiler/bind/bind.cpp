#include "bind/bind.hpp"

#include "bind/dates_in_range.hpp"
#include "bind/output_plan.hpp"

#include <algorithm>
#include <set>

#include "model/history.hpp"

namespace kaowu {

namespace {

bool has_static_file(const SiteSources& site, const std::string& path) {
  return std::any_of(site.static_files.begin(), site.static_files.end(),
                     [&](const StaticFile& f) { return f.path == path; });
}

// A calendar that withdraws an event it still publishes contradicts itself.
void check_withdrawals(const std::vector<Feed>& feeds, DiagnosticSink& sink) {
  for (const Feed& feed : feeds) {
    if (feed.kind != FeedKind::calendar && feed.kind != FeedKind::staff) continue;
    for (const Withdrawal& w : feed.calendar->calendar->withdrawn) {
      if (!serves(feed, w.audience)) continue;
      bool carried = std::any_of(feed.events.begin(), feed.events.end(), [&](const FeedEvent& e) {
        return e.key == w.event.value && e.kind != EventKind::tba;
      });
      if (carried) sink.report(DiagKind::withdrawn_still_published, w.event.loc, {w.event.value, feed.id});
      // A recorded revision that dropped the event cancels it already: the entry is redundant.
      for (const FeedEvent& e : feed.cancelled)
        if (e.key == w.event.value && !carried) {
          sink.report(DiagKind::withdrawn_by_revision, w.event.loc, {w.event.value, std::to_string(e.cancelled_in)});
          break;
        }
    }
  }
}

// Files that already have errors: a notice of a calendar read from one (or inheriting from one)
// is not bound, since its values may be missing for a reason already reported.
std::set<std::string> files_with_errors(const DiagnosticSink& sink) {
  std::set<std::string> out;
  for (const Diagnostic& d : sink.diagnostics())
    if (d.severity == Severity::error) out.insert(d.loc.file);
  return out;
}

// The revision a calendar without records is at: 1 + every revision raised above 1 in its chain.
int revision_number(const ResolvedCalendar& cal) {
  int n = cal.calendar->revision;
  for (const Calendar* a : cal.ancestors) n += a->revision - 1;
  return n;
}

bool calendar_has_errors(const ResolvedCalendar& cal, const std::set<std::string>& broken) {
  if (broken.count(cal.calendar->file)) return true;
  for (const Calendar* a : cal.ancestors)
    if (broken.count(a->file)) return true;
  return false;
}

// The revision a notice was issued under: the one its front matter names, else the one in force
// on its date. Nothing (reported) when it names one the calendar does not have.
std::optional<size_t> notice_state(const Notice& n, const ResolvedCalendar& cal, DiagnosticSink& sink) {
  const CalendarHistory* h = cal.history.get();
  int current = h ? h->number(h->states() - 1) : revision_number(cal);
  if (!n.revision) return h && n.date ? h->state_on(n.date->date) : h ? h->states() - 1 : 0;
  if (h) {
    if (auto state = h->state_numbered(*n.revision)) return state;
  } else if (*n.revision == current) {
    return 0;
  }
  std::string list;
  int first = h ? h->base : current;
  for (int number = first; number <= current; ++number) list += (list.empty() ? "" : ", ") + std::to_string(number);
  sink.report(DiagKind::unknown_revision, n.revision_loc, {cal.id(), std::to_string(*n.revision), list});
  return std::nullopt;
}

// The placeholder tables of every revision of `cal`: under "<id>" the current one, under
// "<id>@N" revision N's. Made once per calendar, before its notices bind; `own` is set per notice.
NoticeValues notice_values(const ResolvedCalendar& cal, BoundSite& out) {
  NoticeValues v;
  const CalendarHistory* h = cal.history.get();
  size_t states = h ? h->states() : 1;
  for (size_t s = 0; s < states; ++s) {
    int number = h ? h->number(s) : revision_number(cal);
    const ResolvedCalendar& at = h ? h->at(s, cal) : cal;
    std::string key = s + 1 == states ? cal.id() : cal.id() + "@" + std::to_string(number);
    auto table = out.values.find(key);
    if (table == out.values.end()) table = out.values.emplace(key, placeholder_table(at)).first;
    v.tables[number] = &table->second;
    v.calendars[number] = &at;
  }
  return v;
}

// Keeps only the values of `table` that some notice of `bound` names: a calendar knows hundreds of
// names (ten per phase), its notices use a few dozen, and at national scale the rest was 30 MB.
// Bound notices point into the table; erasing from a std::map leaves the other entries in place.
void keep_named(PlaceholderTable& table, const std::vector<BoundNotice>& bound, size_t first) {
  std::set<const PlaceholderValue*> named;
  for (size_t i = first; i < bound.size(); ++i) named.insert(bound[i].values.begin(), bound[i].values.end());
  for (auto it = table.begin(); it != table.end();)
    it = it->second && named.count(&*it->second) ? std::next(it) : table.erase(it);
}

void bind_notices(const ResolvedProject& project, const SiteSources& site, BoundSite& out, DiagnosticSink& sink) {
  std::set<std::string> reported_folders;
  std::set<std::string> broken = files_with_errors(sink);
  // The notices of each calendar, calendars in the order their first notice comes (the files are
  // sorted by path, so a calendar's notices come together and nothing is reordered).
  std::vector<std::pair<const ResolvedCalendar*, std::vector<const Notice*>>> groups;
  std::map<std::string, size_t> group_of;
  for (const Notice& n : site.notices) {
    const ResolvedCalendar* cal = project.find(n.calendar_id);
    if (cal == nullptr) {
      bool in_broken_file = project.project && project.project->ids_in_broken_files.count(n.calendar_id);
      if (!in_broken_file && reported_folders.insert(n.calendar_id).second)
        sink.report(DiagKind::notice_calendar, Location{n.file, 0, 0, 0}, {n.calendar_id});
      continue;
    }
    if (calendar_has_errors(*cal, broken)) continue;
    auto [group, added] = group_of.emplace(cal->id(), groups.size());
    if (added) groups.emplace_back(cal, std::vector<const Notice*>{});
    groups[group->second].second.push_back(&n);
  }
  // One calendar at a time, so that one whole table at most is held.
  // With a revision history, one table per revision (a notice shows the values of the revision
  // it was issued under, and {{name@N}} revision N's).
  for (const auto& [cal, notices] : groups) {
    NoticeValues values = notice_values(*cal, out);
    const CalendarHistory* h = cal->history.get();
    size_t first = out.notices.size();
    for (const Notice* n : notices) {
      std::optional<size_t> state = notice_state(*n, *cal, sink);
      if (!state) continue;
      values.own = h ? h->number(*state) : revision_number(*cal);
      if (auto bound = bind_notice(*n, *cal, values, sink)) {
        bound->state = *state;
        out.notices.push_back(std::move(*bound));
      }
    }
    for (auto& [key, table] : out.values) // "<id>" and "<id>@N" (ids hold no '@')
      if (key == cal->id() || key.rfind(cal->id() + "@", 0) == 0) keep_named(table, out.notices, first);
  }
  // Newest first; the path breaks ties so the order never depends on the file system.
  std::stable_sort(out.notices.begin(), out.notices.end(), [](const BoundNotice& a, const BoundNotice& b) {
    Date da = a.notice->date ? a.notice->date->date : Date{};
    Date db = b.notice->date ? b.notice->date->date : Date{};
    if (da != db) return da > db;
    return a.notice->file < b.notice->file;
  });
}

} // namespace

BoundSite bind(const ResolvedProject& project, const SiteSources& site, const BindOptions& options,
               DiagnosticSink& sink) {
  bool model_ok = !sink.has_errors();
  BoundSite out;
  out.project = &project;
  out.sources = &site;
  out.build_date = options.build_date;
  out.source_date_epoch = options.source_date_epoch;
  if (!options.base_url.empty()) {
    if (auto base = normalize_base_url(options.base_url)) out.layout = SiteLayout(*base);
    else sink.report(DiagKind::base_url_invalid, Location{"--base-url", 0, 0, 0}, {options.base_url});
  }
  for (const char* schema : {SiteLayout::feed_schema, SiteLayout::index_schema})
    if (!has_static_file(site, schema))
      sink.report(DiagKind::json_schema_missing, Location{site.templates_root + "/static/" + schema, 0, 0, 0}, {schema});
  out.templates = TemplateLibrary(site, SiteLayout::page_templates(), sink);
  bind_notices(project, site, out, sink);
  // The feeds are built from a model without errors only: a build with errors publishes nothing,
  // and a half-read calendar has no feeds to check.
  check_dates_in_range(project, site.notices, sink);
  if (model_ok) {
    // Every feed with its events, for the pages (what to do now, 加入日历, possible days), the
    // output plan (a file per event) and the renderers, which all read the same events.
    out.feeds = build_feeds(project);
    check_withdrawals(out.feeds, sink);
  }
  // Before rendering, so `kaowu check` finds two inputs that would write one file.
  check_output_paths(plan_outputs(project, site, out.notices, out.feeds), sink);
  return out;
}

} // namespace kaowu
