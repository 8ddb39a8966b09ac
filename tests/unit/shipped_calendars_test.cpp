// The shipped calendars say what their seed notices say. Each row is a date read off the seed
// text (../shared/seeds/), not off the TOML: a mistyped calendar fails here.
#include <catch2/catch.hpp>

#include "text/zh_format.hpp"
#include "test_support.hpp"

using namespace kaowu;

namespace {
const testing::Loaded& shipped() {
  static auto loaded = testing::load_shipped();
  return *loaded;
}

const ResolvedPhase& phase(const std::string& calendar, const std::string& id) {
  const ResolvedCalendar* rc = shipped().resolved.find(calendar);
  REQUIRE(rc);
  const ResolvedPhase* p = rc->find(id);
  INFO(calendar << " has no phase " << id);
  REQUIRE(p);
  return *p;
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : "open"; }
} // namespace

TEST_CASE("the shipped calendars load without errors; warnings only where they bend a convention", "[shipped]") {
  const auto& l = shipped();
  for (const Diagnostic& d : l.sink.diagnostics()) {
    // national 2019: confirmation closed 36 days after registration (handbook), a real bend.
    bool known_bend = d.kind == DiagKind::outside_window && d.loc.file == "calendars/national/national-2019.toml";
    if (!known_bend) FAIL_CHECK(d.loc.file << ":" << d.loc.line << " " << d.message.en);
    else CHECK(d.severity == Severity::warning);
  }
  CHECK(l.project.calendars.size() == 10);
  CHECK(l.project.catalogues.size() == 3);
  CHECK(l.project.holidays.size() == 7);
}

TEST_CASE("every shipped phase date matches its seed", "[shipped]") {
  // calendar, phase, first day, last day ("open" where the seed leaves it open)
  auto [calendar, id, first, last] = GENERATE(table<const char*, const char*, const char*, const char*>({
      // national-2021-work-plan.txt, 附件2 考务工作计划安排表 and body
      {"national-2021", "registration", "2020-12-29", "2021-01-11"},
      {"national-2021", "confirmation", "2020-12-30", "2021-01-12"},
      {"national-2021", "audit", "2021-02-08", "2021-02-08"},
      {"national-2021", "military-data", "2021-01-25", "2021-02-01"},
      {"national-2021", "payment", "2021-02-26", "2021-02-26"},
      {"national-2021", "room-arrangement", "2021-03-01", "2021-03-11"},
      {"national-2021", "admission-card", "2021-03-25", "2021-04-18"},
      {"national-2021", "military-admission-card", "2021-03-26", "2021-04-08"},
      {"national-2021", "materials-handover", "2021-04-02", "2021-04-09"},
      {"national-2021", "exam", "2021-04-10", "2021-04-18"},
      {"national-2021", "violations", "2021-05-07", "2021-05-07"},
      {"national-2021", "destruction-record", "2021-05-28", "2021-05-28"},
      {"national-2021", "notice-url-report", "2020-12-27", "2020-12-27"},
      {"national-2021", "sign-in-sheets", "2021-04-01", "open"},
      {"national-2021", "results", "2021-06-18", "2021-06-18"}, // 考后两个月, approximate
      // attending-exam-handbook.txt: registration and confirmation windows by exam year
      {"national-2017", "registration", "2017-01-03", "2017-01-22"},
      {"national-2017", "confirmation", "2017-01-04", "2017-01-24"},
      {"national-2018", "registration", "2017-12-28", "2018-01-19"},
      {"national-2018", "confirmation", "2017-12-29", "2018-01-21"},
      {"national-2019", "registration", "2019-01-10", "2019-01-25"},
      {"national-2019", "confirmation", "2019-01-15", "2019-03-02"},
      {"national-2019", "payment", "2019-03-08", "2019-03-19"},
      {"national-2020", "registration", "2019-12-24", "2020-01-13"},
      {"national-2020", "confirmation", "2019-12-25", "2020-01-16"},
      {"national-2022", "registration", "2021-12-08", "open"},
      // heilongjiang-2022-notice.txt
      {"heilongjiang-2022", "registration", "2021-12-20", "2021-12-30"},
      {"heilongjiang-2022", "confirmation", "2021-12-27", "2021-12-31"},
      {"heilongjiang-2022", "payment", "2022-02-15", "2022-02-25"},
      {"heilongjiang-2022", "admission-card", "2022-04-01", "2022-04-17"},
      {"heilongjiang-2022", "exam", "2022-04-09", "2022-04-17"},
      {"heilongjiang-2022", "receipts", "2022-05-09", "2022-05-13"},
      // beijing-fengtai-2024-notice.txt (region facts and the Fengtai site's own)
      {"beijing-2024", "registration", "2023-12-01", "2023-12-14"},
      {"beijing-2024", "payment", "2024-01-29", "2024-02-08"},
      {"beijing-2024", "admission-card", "2024-04-01", "2024-04-21"},
      {"beijing-2024", "exam", "2024-04-13", "2024-04-21"},
      {"beijing-2024", "results", "2024-06-21", "2024-06-21"}, // 考后两个月内, approximate
      {"beijing-2024-fengtai", "registration", "2023-12-01", "2023-12-14"}, // inherited
      {"beijing-2024-fengtai", "confirmation", "2023-12-11", "2023-12-15"},
      {"beijing-2024-fengtai", "military-data", "2024-01-04", "2024-01-05"},
      {"beijing-2024-fengtai", "military-admission-card", "2024-04-07", "2024-04-08"},
      {"beijing-2024-fengtai", "payment", "2024-01-29", "2024-02-08"}, // inherited
      // zhejiang-2024-senior-notice.txt, 附件4 and body
      {"zhejiang-2024-senior", "registration", "2024-04-23", "2024-05-24"},
      {"zhejiang-2024-senior", "confirmation", "2024-04-24", "2024-05-25"},
      {"zhejiang-2024-senior", "audit", "2024-05-04", "2024-05-30"},
      {"zhejiang-2024-senior", "payment", "2024-06-01", "2024-06-08"},
      {"zhejiang-2024-senior", "room-maintenance", "2024-06-07", "2024-06-07"},
      {"zhejiang-2024-senior", "room-arrangement", "2024-06-13", "2024-06-13"},
      {"zhejiang-2024-senior", "chief-examiner-list", "2024-06-21", "2024-06-21"},
      {"zhejiang-2024-senior", "admission-card", "2024-07-01", "2024-07-07"},
      {"zhejiang-2024-senior", "paper-collection", "2024-07-04", "2024-07-04"},
      {"zhejiang-2024-senior", "exam", "2024-07-06", "2024-07-07"},
      {"zhejiang-2024-senior", "results", "2024-08-07", "2024-08-07"}, // 考试结束一个月后
  }));
  CAPTURE(calendar, id);
  const ResolvedPhase& p = phase(calendar, id);
  CHECK(iso(p.first) == first);
  CHECK(iso(p.last) == last);
}

TEST_CASE("dates the seeds leave open stay open", "[shipped]") {
  auto [calendar, id] = GENERATE(table<const char*, const char*>({
      {"national-2022", "confirmation"},
      {"beijing-2024", "confirmation"},
      {"beijing-2024", "certificates"},
      {"heilongjiang-2022", "certificates"},
  }));
  CAPTURE(calendar, id);
  const ResolvedPhase& p = phase(calendar, id);
  CHECK(p.tba);
  CHECK_FALSE(p.first.has_value());
  CHECK_FALSE(p.last.has_value());
  CHECK(zh_timing(p).rfind("待定", 0) == 0);
}

TEST_CASE("relative dates count from the last exam day and stay approximate", "[shipped]") {
  const ResolvedPhase& results = phase("beijing-2024", "results");
  CHECK(results.phase.approximate);
  CHECK(zh_timing(results) == "预计2024年6月21日（考后两个月内）");
}

TEST_CASE("exam days, batches and sessions follow the seeds", "[shipped]") {
  const ResolvedCalendar* hlj = shipped().resolved.find("heilongjiang-2022");
  REQUIRE(hlj);
  REQUIRE(hlj->exam);
  std::vector<std::string> days;
  for (Date d : hlj->exam_days) days.push_back(d.iso());
  CHECK(days == std::vector<std::string>{"2022-04-09", "2022-04-10", "2022-04-16", "2022-04-17"});
  CHECK(zh_days(hlj->exam_days) == "2022年4月9、10、16、17日");
  int cbt = 0, paper = 0;
  for (const Session& s : hlj->exam->sessions) (s.mode == ExamMode::cbt ? cbt : paper)++;
  CHECK(cbt == 4);
  CHECK(paper == 4);
  // The Fengtai site inherits Beijing's exam; its Zhejiang counterpart has no CBT times.
  const ResolvedCalendar* fengtai = shipped().resolved.find("beijing-2024-fengtai");
  REQUIRE(fengtai->exam);
  CHECK(fengtai->exam_defined_in == "beijing-2024");
  const ResolvedCalendar* zj = shipped().resolved.find("zhejiang-2024-senior");
  CHECK(zj->exam->sessions_tba.count(ExamMode::cbt) == 1);
  CHECK(zj->calendar->sites.size() == 13);
}

TEST_CASE("the 2024 catalogue drops the codes merged in 2024", "[shipped]") {
  const auto& l = shipped();
  const ResolvedCatalogue* c2022 = nullptr;
  const ResolvedCatalogue* c2024 = nullptr;
  for (const ResolvedCatalogue& c : l.resolved.catalogues) {
    if (c.catalogue->id.value == "chuzhongji-2022") c2022 = &c;
    if (c.catalogue->id.value == "chuzhongji-2024") c2024 = &c;
  }
  REQUIRE(c2022);
  REQUIRE(c2024);
  CHECK(c2022->specialties.size() == 119);
  CHECK(c2024->specialties.size() == 113); // Fengtai: 护理学（初级师）纸笔 + 其他112个专业 人机对话
  for (const char* gone : {"204", "374", "311", "314", "360", "363"}) {
    CAPTURE(gone);
    CHECK(c2022->find(gone) != nullptr);
    CHECK(c2024->find(gone) == nullptr);
    CHECK(c2024->removed.count(gone) == 1);
  }
  int cbt = 0;
  for (const Specialty& s : c2024->specialties)
    if (s.mode == ExamMode::cbt) ++cbt;
  CHECK(cbt == 112);
  REQUIRE(c2024->find("203"));
  CHECK(c2024->find("203")->mode == ExamMode::paper);
}

TEST_CASE("holidays know 调休 working weekends", "[shipped]") {
  const HolidayCalendar& h = shipped().resolved.holidays;
  auto day = [](int y, unsigned m, unsigned d) { return *Date::from_ymd(y, m, d); };
  CHECK_FALSE(h.is_rest_day(day(2024, 4, 7)));  // Sunday, worked for 清明
  CHECK(h.is_swapped_workday(day(2024, 4, 7)));
  CHECK(h.is_rest_day(day(2024, 4, 4)));        // 清明
  CHECK(h.is_rest_day(day(2024, 4, 13)));       // an exam Saturday
  CHECK(h.is_holiday(day(2022, 1, 3)));         // 元旦 2022
  CHECK(h.is_holiday(day(2022, 12, 31)));       // 元旦 2023 starts in 2022
  CHECK_FALSE(h.is_rest_day(day(2024, 2, 4)));  // Sunday before 春节, worked
  for (int y = 2020; y <= 2026; ++y) CHECK(h.covers(y));
}
