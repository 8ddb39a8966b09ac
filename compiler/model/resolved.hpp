#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"

namespace kaowu {

struct CalendarHistory; // model/history.hpp

// A phase as it applies to one calendar, with concrete dates where the sources give them.
struct ResolvedPhase {
  Phase phase;            // as written, in this calendar or inherited from an ancestor
  std::string defined_in; // id of the calendar that wrote it
  std::optional<Date> first; // first day it concerns (window start, deadline day, …)
  std::optional<Date> last;  // last day it concerns
  bool tba = false;          // not published yet: outputs say 待定 and invent nothing
  std::string tba_note;      // the source's wording of what is open
  // Filled for per-batch tasks (每批次考试结束后 48 小时内).
  std::string batch_id;
  int batch_hours = 0;
  bool is_exam = false; // the synthesized "exam" phase

  bool has_kind(std::string_view kind) const;
};

// The specialties in force for one catalogue after applying its base and removals.
struct ResolvedCatalogue {
  const Catalogue* catalogue = nullptr;
  std::vector<LevelRange> levels;
  std::vector<Specialty> specialties;          // in code order
  std::map<std::string, const Removal*> removed; // code -> the removal that dropped it
  const Specialty* find(const std::string& code) const;
};

struct ResolvedCalendar {
  const Calendar* calendar = nullptr;
  std::vector<const Calendar*> ancestors; // parent first
  std::vector<ResolvedPhase> phases;      // by date; undated (tba) last
  const Exam* exam = nullptr;             // own or inherited
  std::string exam_defined_in;
  std::vector<Date> exam_days;            // the exam period
  // Phases of a calendar above that this one (or one between) takes no part in (`opts_out` with
  // no timing): not published as dated, but shown with the reason on pages, feeds and JSON.
  std::vector<ResolvedPhase> opted_out;
  const ResolvedCatalogue* catalogue = nullptr;
  std::vector<std::string> site_calendars; // ids of site calendars narrowing this region
  // The revisions of this calendar and of those above it, with the calendar as each earlier one
  // published it; null when none of them records a revision ([[revisions]]).
  std::shared_ptr<const CalendarHistory> history;

  const ResolvedPhase* find(const std::string& phase_id) const;
  const std::string& id() const { return calendar->id.value; }
};

// Which days are rest days, from the holiday files.
class HolidayCalendar {
public:
  void add(const HolidayYear& year);
  bool covers(int year) const { return years_.count(year) > 0; }
  bool is_rest_day(Date d) const;
  bool is_holiday(Date d) const { return off_.count(d) > 0; } // a public holiday (放假)
  bool is_swapped_workday(Date d) const { return workdays_.count(d) > 0; } // 调休上班
  const std::string* holiday_name(Date d) const;

private:
  std::set<int> years_;
  std::map<Date, std::string> off_;
  std::set<Date> workdays_;
};

struct ResolvedProject {
  const Project* project = nullptr;
  std::vector<ResolvedCalendar> calendars; // in the order of the project's calendars
  std::vector<ResolvedCatalogue> catalogues;
  HolidayCalendar holidays;

  const ResolvedCalendar* find(const std::string& calendar_id) const;
};

} // namespace kaowu
