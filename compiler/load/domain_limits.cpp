// The domain bounds of load/domain_limits.hpp, checked over the loaded project.
#include "load/domain_limits.hpp"

#include <algorithm>
#include <tuple>

namespace kaowu {
namespace {

// What a count is of, in both languages: "days of batch 'cbt-1'".
struct What {
  std::string en, zh;
};

// named("days", "batch", "批次", "日期", "cbt-1"): "days of batch 'cbt-1'", "批次“cbt-1”的日期".
What named(const char* what_en, const char* owner_en, const char* owner_zh, const char* what_zh, const std::string& id) {
  return {std::string(what_en) + " of " + owner_en + " '" + id + "'", std::string(owner_zh) + "“" + id + "”的" + what_zh};
}

class Limits {
public:
  explicit Limits(DiagnosticSink& sink) : sink_(sink) {}

  // `entries` are where each entry of one file is written; the diagnostic points at the first
  // one past `bound` in the order of the file (loaders sort some lists by date).
  void count(std::vector<Location> entries, size_t bound, const What& what) {
    if (entries.size() <= bound) return;
    std::stable_sort(entries.begin(), entries.end(), [](const Location& a, const Location& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    report(entries[bound], entries.size(), bound, what);
  }

  // Entries of several files, in the order they were loaded (path order).
  void count_files(const std::vector<Location>& entries, size_t bound, const What& what) {
    if (entries.size() > bound) report(entries[bound], entries.size(), bound, what);
  }

  void report(const Location& at, size_t count, size_t bound, const What& what) {
    sink_.report_localized(DiagKind::too_many, at, {what.en, std::to_string(count), std::to_string(bound)},
                           {what.zh, std::to_string(count), std::to_string(bound)});
  }

  void date(const DateAt& d, const char* key) {
    // A date the loader could not read is left unset (and reported there).
    if (!d.loc.known() || in_date_range(d.date)) return;
    Diagnostic& diag = sink_.report(DiagKind::value_out_of_range, d.loc, {key, d.date.iso(), date_range_text()});
    set_help(diag, "kaowu publishes the years 2000–2099: check the year for a typing slip",
             "kaowu 只发布 2000–2099 年的日期：请检查年份是否写错");
  }

  void dates(const std::vector<DateAt>& ds, const char* key) {
    for (const DateAt& d : ds) date(d, key);
  }

private:
  DiagnosticSink& sink_;
};

template <typename T>
std::vector<Location> locations(const std::vector<T>& items) {
  std::vector<Location> out;
  out.reserve(items.size());
  for (const T& item : items) out.push_back(item.loc);
  return out;
}

void check_phase(const Phase& p, Limits& l) {
  const std::string& id = p.id.value;
  l.count(locations(p.timing.days), limits::kPhaseDays, named("days", "phase", "阶段", "日期", id));
  l.count(locations(p.slots), limits::kSlots, named("slots", "phase", "阶段", "时段安排", id));
  l.count(locations(p.hours), limits::kHours, named("opening hours", "phase", "阶段", "办理时间", id));
  for (const Slot& s : p.slots) {
    l.count(locations(s.hours), limits::kHours, named("opening hours of a slot", "phase", "阶段", "时段安排的办理时间", id));
    l.date(s.date, "date");
  }
  switch (p.timing.kind) {
  case TimingKind::window: l.date(p.timing.start, "start"); l.date(p.timing.end, "end"); break;
  case TimingKind::from: l.date(p.timing.start, "start"); break;
  case TimingKind::deadline: l.date(p.timing.end, "deadline"); break;
  case TimingKind::days: l.dates(p.timing.days, "days"); break;
  case TimingKind::relative:
  case TimingKind::tba: break;
  }
}

// Sessions an exam holds over all its batch days: each is an event in the candidate feeds and
// in every specialty feed of the batch, so it is the factor that multiplies a site most.
size_t session_days(const Exam& exam) {
  size_t total = 0;
  for (const Batch& b : exam.batches)
    for (size_t day = 1; day <= b.days.size(); ++day)
      for (const Session& s : exam.sessions)
        if (s.mode == b.mode && (s.day == 0 || s.day == static_cast<int>(day))) ++total;
  return total;
}

void check_exam(const Exam& exam, Limits& l) {
  l.count(locations(exam.days), limits::kExamDays, {"exam days", "考试日期"});
  l.dates(exam.days, "days");
  l.count(locations(exam.batches), limits::kBatches, {"exam batches", "考试批次"});
  l.count(locations(exam.sessions), limits::kSessions, {"exam sessions", "考试场次"});
  l.count(locations(exam.batch_tasks), limits::kBatchTasks, {"per-batch tasks", "批次任务"});
  for (const Batch& b : exam.batches) {
    l.count(locations(b.days), limits::kBatchDays, named("days", "batch", "批次", "日期", b.id.value));
    l.count(locations(b.specialties), limits::kSpecialties, named("specialties", "batch", "批次", "专业", b.id.value));
    l.dates(b.days, "days");
  }
  // Only when each list is within its own bound: the one to shorten is then the product.
  if (exam.batches.size() <= limits::kBatches && exam.sessions.size() <= limits::kSessions) {
    size_t n = session_days(exam);
    bool days_ok = std::all_of(exam.batches.begin(), exam.batches.end(),
                               [](const Batch& b) { return b.days.size() <= limits::kBatchDays; });
    if (days_ok && n > limits::kSessionDays)
      l.report(exam.loc, n, limits::kSessionDays, {"exam sessions over all batch days", "各批次考试日的场次合计"});
  }
}

void check_calendar(const Calendar& c, Limits& l) {
  if (c.issued) l.date(*c.issued, "issued");
  l.count(locations(c.phases), limits::kPhases, {"phases", "阶段"});
  std::vector<Location> dated;
  for (const Phase& p : c.phases) {
    check_phase(p, l);
    for (const DateAt& d : p.timing.days) dated.push_back(d.loc);
    for (const Slot& s : p.slots) dated.push_back(s.loc);
  }
  // Each per-phase list within its bound can still add up: every day and slot is an event.
  if (std::all_of(c.phases.begin(), c.phases.end(), [](const Phase& p) {
        return p.timing.days.size() <= limits::kPhaseDays && p.slots.size() <= limits::kSlots;
      }))
    l.count(std::move(dated), limits::kDatedEntries, {"days and slots of all phases", "各阶段的日期和时段安排合计"});
  l.count(locations(c.sites), limits::kSites, {"sites", "考点"});
  if (c.exam.present) check_exam(c.exam, l);
  l.count(locations(c.fees), limits::kFees, {"fees", "费用"});
  for (const Fee& f : c.fees) {
    l.count(locations(f.specialties), limits::kSpecialties, {"specialties of a fee", "费用适用专业"});
    l.count(locations(f.levels), limits::kLevels, {"levels of a fee", "费用适用级别"});
  }
  l.count(locations(c.rule_overrides), limits::kRules, {"rule overrides", "规则调整"});
  l.count(locations(c.withdrawn), limits::kWithdrawn, {"withdrawn events", "撤销的日程"});
  for (const Withdrawal& w : c.withdrawn) l.date(w.date, "date");
  // A revision's dates are published too (DTSTAMP, LAST-MODIFIED, Atom's updated, 原定…), and
  // what it replaced as well: one range for every date of every input.
  for (const Revision& r : c.revisions) {
    if (r.issued) l.date(*r.issued, "issued");
    for (const PhaseRecord& rec : r.phases) check_phase(rec.was, l);
    if (r.exam.present) {
      l.dates(r.exam.was.days, "days");
      for (const BatchRecord& b : r.exam.batches) l.dates(b.was.days, "days");
    }
  }
}

void check_catalogue(const Catalogue& c, Limits& l) {
  l.count(locations(c.specialties), limits::kSpecialties, named("specialties", "catalogue", "专业目录", "专业", c.id.value));
  l.count(locations(c.levels), limits::kLevels, named("levels", "catalogue", "专业目录", "级别", c.id.value));
  std::vector<Location> removed;
  for (const Removal& r : c.removed)
    for (const Text& code : r.codes) removed.push_back(code.loc);
  l.count(std::move(removed), limits::kRemoved, named("removed codes", "catalogue", "专业目录", "取消的代码", c.id.value));
}

void check_holidays(const HolidayYear& h, Limits& l) {
  l.count(locations(h.breaks), limits::kHolidayBreaks, {"holidays of the year", "当年的节假日"});
  for (const HolidayBreak& b : h.breaks) {
    l.count(locations(b.workdays), limits::kWorkdays, named("workdays", "holiday", "假日", "调休上班日", b.name));
    l.date(b.start, "start");
    l.date(b.end, "end");
    l.dates(b.workdays, "workdays");
  }
}

} // namespace

bool in_date_range(const Date& d) { return d.year() >= limits::kFirstYear && d.year() <= limits::kLastYear; }

const char* date_range_text() { return "2000-01-01–2099-12-31"; }

void check_domain_limits(const Project& project, DiagnosticSink& sink) {
  Limits l(sink);
  for (const Calendar& c : project.calendars) check_calendar(c, l);
  l.count_files(locations(project.catalogues), limits::kCatalogues, {"specialty catalogues", "专业目录"});
  for (const Catalogue& c : project.catalogues) check_catalogue(c, l);
  for (const HolidayYear& h : project.holidays) check_holidays(h, l);
  l.count_files(locations(project.rules), limits::kRules, {"rules", "规则"});
}

} // namespace kaowu
