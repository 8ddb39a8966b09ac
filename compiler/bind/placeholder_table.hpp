#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/resolved.hpp"

namespace kaowu {

// A table a placeholder stands for ({{phase.confirmation.slots}}, {{exam.timetable}}): plain
// text cells, which each renderer writes in its own format.
struct TextTable {
  std::string caption;                   // a bold line above the table ("人机对话"), or ""
  std::string note;                      // a paragraph in place of the rows when there are none
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// The value of one placeholder. Values are text, never markup: a note that says www.a.cn or
// "---" shows exactly so. Links come only from URL fields.
struct PlaceholderValue {
  enum class Kind { text, url, tables };
  Kind kind = Kind::text;
  std::string text;              // text: as the notices write it; url: the address
  std::vector<TextTable> tables; // tables: one or more, each a block of its own
};

// Every placeholder a notice of one calendar may name, with its value; nullopt when the
// calendar knows the name but gives no value (a site without contact). Computed once per
// calendar and shared by all its notices.
using PlaceholderTable = std::map<std::string, std::optional<PlaceholderValue>>;

PlaceholderTable placeholder_table(const ResolvedCalendar& cal);

// The placeholders whose value is (or begins or ends on) a given day, most specific first:
// {{phase.payment.start}} for a window's first day, {{phase.payment}} for a deadline,
// {{exam.first}} for the first exam day. For naming what a date typed into a notice should be.
std::map<Date, std::vector<std::string>> placeholders_by_date(const ResolvedCalendar& cal);

} // namespace kaowu
