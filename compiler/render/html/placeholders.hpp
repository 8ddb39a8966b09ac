#pragma once
#include <map>
#include <optional>
#include <string>

#include "diag/sink.hpp"
#include "model/notice.hpp"
#include "model/resolved.hpp"
#include "text/fee_text.hpp" // fee_text, for the {{fee}} placeholders

namespace kaowu {

// Every placeholder a notice of `cal` may name, with its value as the notices write it
// ("2023年12月1日－14日", "4月13、14、20、21日", "8∶30—10∶00"); nullopt when the calendar
// knows the name but gives no value (a site without contact). Values are Markdown: inline
// values are escaped, block values (".slots", "exam.timetable") are whole Markdown tables.
std::map<std::string, std::optional<std::string>> placeholder_values(const ResolvedCalendar& cal);

// The notice's Markdown with each {{name}} replaced by its value. Reports an unknown name
// (error, "did you mean"), a name without value (error) and each date typed literally in the
// body (warning "not bound to the calendar"), all at the notice's line and column.
std::string bind_placeholders(const Notice& notice, const ResolvedCalendar& cal, DiagnosticSink& sink);

} // namespace kaowu
