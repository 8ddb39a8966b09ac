#pragma once
#include <optional>
#include <string>

#include "model/resolved.hpp"
#include "render/html/site_context.hpp"

namespace kaowu {

// Past, open, upcoming or to be announced, as of `today`; "" when the build has no date.
std::string phase_status(const ResolvedPhase& phase, std::optional<Date> today);
const char* zh_status(const std::string& status); // 已结束 / 进行中 / 未开始 / 待定
const char* zh_audience(Audience audience);        // 考生 / 考务人员 / 军队单位

// Template data for the pieces the pages share.
TemplateData phase_view(const ResolvedPhase& phase, std::optional<Date> today);
// The phases of `cal` for one audience group: candidates (and military units) or staff.
TemplateData phase_list(const ResolvedCalendar& cal, std::optional<Date> today, bool staff);
// The parent's phases the calendar takes no part in, with the reason (opts_out): name, reason, from.
TemplateData opted_out_list(const ResolvedCalendar& cal);
// {has_exam, days, tables: [{title, note, rows: [{date, weekday, batch, time, subject}]}]}
TemplateData exam_view(const ResolvedCalendar& cal);
TemplateData fee_list(const ResolvedCalendar& cal);
TemplateData notice_list(const std::vector<const PublishedNotice*>& notices, const std::string& root);
// The day-by-day slots of in-person phases (Fengtai's 现场审核确认 by unit type).
TemplateData slot_list(const ResolvedCalendar& cal);

} // namespace kaowu
