#pragma once
#include <string>
#include <vector>

#include "model/resolved.hpp"

namespace kaowu {

// One exam day of one mode and the sessions held on it.
struct ExamDayRow {
  Date date;
  std::string batch_name;
  std::vector<const Session*> sessions; // in time order; empty when times are not published
};

// The exam timetable of one mode (人机对话 or 纸笔作答): days × sessions.
struct ExamModeTable {
  ExamMode mode = ExamMode::cbt;
  std::string title;    // 人机对话 / 纸笔作答
  std::string tba_note; // sessions_tba of this mode: why times are missing
  std::vector<ExamDayRow> days;
};

// The exam timetable of a calendar, one table per mode, in the order the batches name the
// modes. A CBT session without `day` runs on every day of every CBT batch; a paper session with
// day = N on the N-th day of each paper batch.
std::vector<ExamModeTable> exam_mode_tables(const ResolvedCalendar& cal);

const char* zh_mode(ExamMode mode);

} // namespace kaowu
