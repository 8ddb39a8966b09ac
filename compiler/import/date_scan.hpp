#pragma once
// The dates one line of a notice states, found by a hand-written linear scan of its normalized
// text (normalize.hpp): full dates and dates that inherit their year or month
// (2021年12月20日-12月30日, 7月6-7日, 4月15、16、22、23日), ranges (至 到 - 起至…止), open windows
// (自…起), deadlines (…前, 截止时间为…), weekday notes, times and relative dates (考后两个月).
// A date is never made up: a day without a month, a month out of range, a year that is not four
// digits, a date with no year and no exam year to give it one are all rejected, with the reason.
#include <optional>
#include <string>
#include <vector>

#include "import/normalize.hpp"
#include "model/date.hpp"

namespace kaowu::import {

enum class MentionForm { day, range, list, from, deadline };

// "(星期一)" written after a date: what it says, checked against the date.
struct WeekdayNote {
  Date date;
  unsigned stated = 0; // 0 = Sunday … 6 = Saturday
  size_t begin = 0, end = 0;
};

struct DateMention {
  MentionForm form = MentionForm::day;
  size_t begin = 0, end = 0; // bytes of the normalized text, the date itself
  // day, from, deadline: one; range: start and end; list: every day in order.
  std::vector<Date> days;
  bool year_stated = false;  // the text wrote the (first) year
  std::vector<WeekdayNote> weekdays;
  std::string time;          // "24:00", "08:30-11:30": written right after the date
};

// A string that looks like a date and is not used as one, with why (the review lists them).
struct DateLike {
  size_t begin = 0, end = 0;
  std::string why_en, why_zh;
};

// 考后两个月, 考试结束后两个月内, 考后1个月: a time after the exam, approximate by nature.
struct RelativeMention {
  size_t begin = 0, end = 0;
  int months = 0, days = 0;
};

struct TimeMention {
  size_t begin = 0, end = 0;
  std::string text; // "08:30-11:30" or "09:00"
};

struct ScanContext {
  int exam_year = 0;    // the notice's exam year (0: unknown; a date without a year is rejected)
  int carried_year = 0; // a year written alone on the line before ("2022年" above "4月9日")
  // An exam notice's November and December dates belong to the year before its exam; a holiday
  // notice's to its own year.
  bool december_before = true;
};

struct LineScan {
  std::vector<DateMention> mentions;
  std::vector<DateLike> rejected;
  std::vector<RelativeMention> relatives;
  std::vector<TimeMention> times;    // times of day not attached to a date
  std::optional<int> year_only;      // the line is a year alone ("2022年")
  std::optional<int> fiscal_year;    // "2024年度" on the line: the first one
};

LineScan scan_line(const NormalizedLine& line, const ScanContext& context);

// Whether `text` has `word` (UTF-8) at byte `at`.
bool has_at(const std::string& text, size_t at, std::string_view word);

} // namespace kaowu::import
