#pragma once
// The State Council's notice of a year's holidays (国务院办公厅关于2024年部分节假日安排的通知)
// read into a holidays file (calendars/holidays/YEAR.toml): each holiday's days off (放假) and its
// 调休 working days (上班), across the year's boundary (2018年12月30日至2019年1月1日放假调休).
#include <string>
#include <vector>

#include "diag/printer.hpp"
#include "diag/sink.hpp"
#include "import/document_text.hpp"
#include "import/extract.hpp"

namespace kaowu::import {

struct HolidayBreak {
  std::string name;      // 春节
  Date start, end;
  std::vector<Date> workdays;
  Citation cite;
};

struct HolidayNotice {
  int year = 0;
  std::string title;
  std::vector<HolidayBreak> breaks;
  std::vector<Unused> unused;  // dated lines that are neither 放假 nor 上班 (除夕休息 …)
  Citation title_cite;
};

HolidayNotice extract_holidays(const DocumentText& document, DiagnosticSink& sink);

// The holidays file, each value cited and every table marked `imported`, as write_draft does.
std::string write_holidays(const HolidayNotice& notice, const std::string& notice_name, Lang lang, int& marks);

} // namespace kaowu::import
