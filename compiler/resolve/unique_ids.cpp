// Ids must be unique: feeds and pages are named by them.
#include <map>

#include "resolve/resolver.hpp"

namespace kaowu {
namespace {
class Registry {
public:
  Registry(const char* what_en, const char* what_zh, DiagnosticSink& sink)
      : what_en_(what_en), what_zh_(what_zh), sink_(sink) {}
  void add(const Text& id) {
    if (id.empty()) return;
    auto [it, inserted] = seen_.emplace(id.value, id.loc);
    if (inserted) return;
    Diagnostic& d = sink_.report_localized(DiagKind::duplicate_id, id.loc, {what_en_, id.value},
                                           {what_zh_, id.value});
    add_note(d, it->second, "first defined here", "首次定义在这里");
  }

private:
  const char* what_en_;
  const char* what_zh_;
  DiagnosticSink& sink_;
  std::map<std::string, Location> seen_;
};
// Sessions of one mode held on the same day need keys of their own: the feeds name each
// session's event by its batch, day and key.
void check_session_keys(const Exam& exam, DiagnosticSink& sink) {
  const auto& all = exam.sessions;
  for (size_t j = 0; j < all.size(); ++j)
    for (size_t i = 0; i < j; ++i) {
      const Session& a = all[i];
      const Session& b = all[j];
      if (a.key.empty() || a.key != b.key || a.mode != b.mode || (a.day && b.day && a.day != b.day)) continue;
      Location at = b.id.empty() ? b.loc : b.id.loc;
      Diagnostic& d = sink.report_localized(DiagKind::duplicate_id, at, {"session", b.key}, {"场次", b.key});
      add_note(d, a.id.empty() ? a.loc : a.id.loc, "first defined here", "首次定义在这里");
      set_help(d, "give one of the two sessions its own id = \"…\"", "请为其中一个场次写上不同的 id = \"…\"");
      break;
    }
}
} // namespace

void check_unique_ids(const Project& project, DiagnosticSink& sink) {
  Registry calendars("calendar", "日程", sink), catalogues("catalogue", "专业目录", sink),
      sites("site", "考点", sink);
  for (const Calendar& c : project.calendars) {
    calendars.add(c.id);
    Registry phases("phase", "阶段", sink), batches("batch", "批次", sink),
        tasks("batch task", "批次任务", sink);
    for (const Phase& p : c.phases) {
      phases.add(p.id);
      if (p.id.value == "exam" && c.exam.present) {
        Diagnostic& d = sink.report_localized(DiagKind::duplicate_id, p.id.loc, {"phase", "exam"},
                                              {"阶段", "exam"});
        add_note(d, c.exam.loc, "the exam phase is the [exam] table", "考试阶段由 [exam] 表定义");
      }
    }
    for (const Phase& p : c.phases) {
      // Slot keys become event UIDs: an explicit id may not repeat one another slot has.
      Registry slots("slot", "时段安排", sink);
      for (const Slot& s : p.slots) slots.add(Text{s.key, s.id.empty() ? s.date.loc : s.id.loc});
    }
    check_session_keys(c.exam, sink);
    for (const Batch& b : c.exam.batches) batches.add(b.id);
    for (const BatchTask& t : c.exam.batch_tasks) tasks.add(t.id);
    for (const SiteInfo& s : c.sites) sites.add(Text{c.id.value + "/" + s.id.value, s.id.loc});
  }
  for (const Catalogue& c : project.catalogues) {
    catalogues.add(c.id);
    Registry codes("specialty code", "专业代码", sink), levels("level", "级别", sink);
    for (const Specialty& s : c.specialties) codes.add(s.code);
    for (const LevelRange& l : c.levels) levels.add(l.id);
  }
  std::map<int, Location> years;
  for (const HolidayYear& h : project.holidays) {
    auto [it, inserted] = years.emplace(h.year, h.loc);
    if (!inserted) {
      Diagnostic& d = sink.report_localized(DiagKind::duplicate_id, h.loc,
                                            {"holiday year", std::to_string(h.year)},
                                            {"节假日年份", std::to_string(h.year)});
      add_note(d, it->second, "first defined here", "首次定义在这里");
    }
  }
}

} // namespace kaowu
