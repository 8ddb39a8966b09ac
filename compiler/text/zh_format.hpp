#pragma once
#include <string>
#include <vector>

#include "model/resolved.hpp"

namespace kaowu {

// Dates and times the way the notices write them. Every renderer uses these, so a page, a
// feed and a printout never disagree about how a date reads.

std::string clock_text(int minutes);             // "08:30" (ISO, for feeds and data)
std::string time_range_text(const TimeRange& r); // "08:30-10:00"
std::string zh_clock(int minutes);               // "8∶30" (ratio colon, as the notices print it)
std::string zh_time_range(const TimeRange& r);   // "8∶30—10∶00"
std::string zh_date(Date d);                     // "2024年4月13日"
std::string zh_month_day(Date d);                // "4月13日"
// "2023年12月1日－14日", "2024年1月29日－2月8日", "2020年12月29日－2021年1月11日"
std::string zh_window(Date first, Date last);
// "2024年4月13、14、20、21日"; across months "2024年3月31日、4月1日"
std::string zh_days(const std::vector<Date>& days);
// The timing of a resolved phase: a window, "2021年2月8日前", "2021年12月8日起", a list of days,
// "预计2024年6月21日（考后两个月）", or "待定（另行通知）". Never invents a date. A phase marked
// `unconfirmed` reads "2024年1月29日－2月8日（待确认）".
std::string zh_timing(const ResolvedPhase& phase);
// The same without the 待确认 mark.
std::string zh_timing_as_written(const ResolvedPhase& phase);
// The weekday as 星期六.
std::string zh_weekday(Date d);
// The same by number (0 = Sunday … 6 = Saturday): what a notice's （星期六） says.
std::string zh_weekday_name(unsigned weekday);

} // namespace kaowu
