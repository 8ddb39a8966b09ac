#include "bind/exam_timetable.hpp"

#include <algorithm>

namespace kaowu {

const char* zh_mode(ExamMode mode) { return mode == ExamMode::cbt ? "人机对话" : "纸笔作答"; }

std::vector<ExamModeTable> exam_mode_tables(const ResolvedCalendar& cal) {
  std::vector<ExamModeTable> out;
  if (!cal.exam) return out;
  const Exam& e = *cal.exam;
  std::vector<ExamMode> modes;
  for (const Batch& b : e.batches)
    if (std::find(modes.begin(), modes.end(), b.mode) == modes.end()) modes.push_back(b.mode);
  for (const Session& s : e.sessions)
    if (std::find(modes.begin(), modes.end(), s.mode) == modes.end()) modes.push_back(s.mode);
  for (const auto& [mode, note] : e.sessions_tba)
    if (std::find(modes.begin(), modes.end(), mode) == modes.end()) modes.push_back(mode);
  for (ExamMode mode : modes) {
    ExamModeTable t;
    t.mode = mode;
    t.title = zh_mode(mode);
    if (auto it = e.sessions_tba.find(mode); it != e.sessions_tba.end()) t.tba_note = it->second;
    auto sessions_of = [&](int day) {
      std::vector<const Session*> list;
      for (const Session& s : e.sessions)
        if (s.mode == mode && (s.day == 0 || s.day == day)) list.push_back(&s);
      std::stable_sort(list.begin(), list.end(), [](const Session* a, const Session* b) {
        return a->time.start_minute < b->time.start_minute;
      });
      return list;
    };
    bool has_batches = false;
    for (const Batch& b : e.batches) {
      if (b.mode != mode) continue;
      has_batches = true;
      for (size_t i = 0; i < b.days.size(); ++i)
        t.days.push_back(ExamDayRow{b.days[i].date, b.name, sessions_of(static_cast<int>(i + 1))});
    }
    // No batches of this mode: its sessions run on every day of the exam period.
    if (!has_batches)
      for (size_t i = 0; i < cal.exam_days.size(); ++i)
        t.days.push_back(ExamDayRow{cal.exam_days[i], e.name, sessions_of(static_cast<int>(i + 1))});
    std::stable_sort(t.days.begin(), t.days.end(),
                     [](const ExamDayRow& a, const ExamDayRow& b) { return a.date < b.date; });
    out.push_back(std::move(t));
  }
  return out;
}

} // namespace kaowu
