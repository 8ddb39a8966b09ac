// kaowu import's extractor, form by form and trap by trap, on notice text written here.
#include <catch2/catch.hpp>

#include <sstream>

#include "import/date_scan.hpp"
#include "import/draft_toml.hpp"
#include "import/extract.hpp"
#include "import/normalize.hpp"

using namespace kaowu;
using namespace kaowu::import;

namespace {

Date d(int y, unsigned m, unsigned day) { return *Date::from_ymd(y, m, day); }

LineScan scan(const std::string& text, int exam_year = 2024, int carried = 0) {
  return scan_line(normalize_line(text), ScanContext{exam_year, carried});
}

DocumentText doc(const std::string& text) {
  DocumentText t;
  t.path = "notice.txt";
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) t.lines.push_back({line, ++n, 0});
  return t;
}

const Fact* find(const Extraction& x, const std::string& kind) {
  for (const Fact& f : x.facts)
    if (f.kind == kind) return &f;
  return nullptr;
}

} // namespace

TEST_CASE("normalization folds full-width digits, colons, connectors and Chinese numerals", "[import]") {
  CHECK(normalize_line("２０２４年１２月１日－１４日").text == "2024年12月1日-14日");
  CHECK(normalize_line("9∶00—11∶00").text == "9:00-11:00");
  CHECK(normalize_line("二〇二四年十二月二十日").text == "2024年12月20日");
  CHECK(normalize_line("2020 年 12 月 29 日 - 2021 年 1 月 11 日").text == "2020年12月29日-2021年1月11日");
  CHECK(normalize_line("考后两个月").text == "考后两个月"); // 两个月 is no month of a date
  NormalizedLine n = normalize_line("自２０２４年");
  CHECK(n.column("自２０２４年", 3) == 2); // the first digit, after 自 (three bytes)
}

TEST_CASE("a full date, a range that inherits year and month, a list", "[import]") {
  auto s = scan("2021年12月20日－12月30日 网上预报名");
  REQUIRE(s.mentions.size() == 1);
  CHECK(s.mentions[0].form == MentionForm::range);
  CHECK(s.mentions[0].days == std::vector<Date>{d(2021, 12, 20), d(2021, 12, 30)});
  s = scan("7月6-7日考试");
  REQUIRE(s.mentions.size() == 1);
  CHECK(s.mentions[0].days == std::vector<Date>{d(2024, 7, 6), d(2024, 7, 7)});
  s = scan("4月15、16、22、23日");
  REQUIRE(s.mentions.size() == 1);
  CHECK(s.mentions[0].form == MentionForm::list);
  CHECK(s.mentions[0].days.size() == 4);
  CHECK(s.mentions[0].days.back() == d(2024, 4, 23));
  s = scan("2020年12月29日-2021年1月11日期间");
  CHECK(s.mentions[0].days == std::vector<Date>{d(2020, 12, 29), d(2021, 1, 11)});
  s = scan("2023年12月28日至1月5日");
  CHECK(s.mentions[0].days.back() == d(2024, 1, 5)); // the year rolls over inside a range
}

TEST_CASE("every range connector", "[import]") {
  for (const char* text : {"3月1日至3月5日", "3月1日到3月5日", "3月1日－3月5日", "3月1日—3月5日", "3月1日~3月5日",
                           "3月1日～3月5日", "3月1日-3月5日", "自3月1日起至3月5日止"}) {
    auto s = scan(text);
    INFO(text);
    REQUIRE(s.mentions.size() == 1);
    CHECK(s.mentions[0].form == MentionForm::range);
    CHECK(s.mentions[0].days == std::vector<Date>{d(2024, 3, 1), d(2024, 3, 5)});
  }
}

TEST_CASE("open windows, deadlines and times", "[import]") {
  auto s = scan("考点可于5月4日起进行审核");
  CHECK(s.mentions[0].form == MentionForm::from);
  s = scan("于3月10日前上报");
  CHECK(s.mentions[0].form == MentionForm::deadline);
  s = scan("截止时间为2月8日");
  CHECK(s.mentions[0].form == MentionForm::deadline);
  s = scan("2024年3月10日24:00前");
  CHECK(s.mentions[0].form == MentionForm::deadline);
  CHECK(s.mentions[0].time == "24:00");
  s = scan("上午8:30-11:30；下午13:30-16:30");
  REQUIRE(s.times.size() == 2);
  CHECK(s.times[0].text == "08:30-11:30");
  s = scan("9∶00—11∶00");
  CHECK(s.times.at(0).text == "09:00-11:00");
}

TEST_CASE("the exam year gives a date without one; December belongs to the year before", "[import]") {
  CHECK(scan("2月8日前", 2021).mentions[0].days[0] == d(2021, 2, 8));
  CHECK(scan("12月27日前", 2021).mentions[0].days[0] == d(2020, 12, 27));
  CHECK(scan("4月9日", 2022, 2022).mentions[0].days[0] == d(2022, 4, 9)); // "2022年" on the line above
  auto s = scan("2月8日前", 0);
  CHECK(s.mentions.empty());
  REQUIRE(s.rejected.size() == 1); // no year to give it: never a made-up one
}

TEST_CASE("weekday notes are kept with their date", "[import]") {
  auto s = scan("2022年8月1日(星期一)至8月5日(星期五)，上午8:30-12:00");
  REQUIRE(s.mentions.size() == 1);
  CHECK(s.mentions[0].days == std::vector<Date>{d(2022, 8, 1), d(2022, 8, 5)});
  REQUIRE(s.mentions[0].weekdays.size() == 2);
  CHECK(s.mentions[0].weekdays[0].stated == 1);
  CHECK(s.times.at(0).text == "08:30-12:00");
}

TEST_CASE("relative dates after the exam", "[import]") {
  auto s = scan("考后两个月");
  REQUIRE(s.relatives.size() == 1);
  CHECK(s.relatives[0].months == 2);
  CHECK(scan("考试结束后1个月内").relatives.at(0).months == 1);
}

TEST_CASE("traps: telephone numbers, URLs, document numbers, list numbering, impossible days", "[import]") {
  CHECK(scan("咨询电话：0571-87567812").mentions.empty());
  CHECK(scan("http://www.example.gov.cn/art/202208/t20220801_1.html").mentions.empty());
  CHECK(scan("浙医管中心〔2024〕5号").mentions.empty());
  auto s = scan("12024年3月1日");
  CHECK(s.mentions.empty());
  CHECK(s.rejected.size() == 1);
  s = scan("13月5日");
  CHECK(s.mentions.empty());
  CHECK(s.rejected.size() == 1);
  CHECK(scan("2024年2月30日").mentions.empty());
  CHECK(scan("工作满2年").rejected.empty()); // a number of years is nothing date-like
  CHECK(scan("2024年度").mentions.empty());
}

TEST_CASE("phases are placed by the notice's words, table rows and headings included", "[import]") {
  DiagnosticSink sink;
  Extraction x = extract(doc("示例省卫生健康委员会关于2024年度卫生专业技术资格考试有关工作的通知\n"
                             "一、报名\n"
                             "（一）网上报名\n"
                             "1.时间：2023年12月1日－14日\n"
                             "（二）现场确认\n"
                             "审核时间：2023年12月11日-15日（节假日休息），\n"
                             "上午9:00—11:30；下午13:30—16:30。\n"
                             "考点审核考生报名信息修改的截止时间为2月8日。\n"
                             "考生可于4月1-21日期间打印准考证。\n"
                             "人机对话考试日期：4月13、14、20、21日\n"
                             "考后两个月公布成绩。\n"
                             "咨询电话：0571-87567812\n"
                             "示例省卫生健康委员会\n"
                             "2023年11月20日\n"),
                         sink);
  CHECK(x.header.exam_year == 2024);
  CHECK(x.header.issuer == "示例省卫生健康委员会");
  CHECK(x.header.issued == d(2023, 11, 20));
  const Fact* reg = find(x, "registration");
  REQUIRE(reg);
  CHECK(reg->timing == FactTiming::window);
  CHECK(reg->start == d(2023, 12, 1));
  CHECK(reg->end == d(2023, 12, 14));
  CHECK(reg->cite.line == 4);
  const Fact* conf = find(x, "confirmation");
  REQUIRE(conf);
  CHECK(conf->closed_on_holidays);
  CHECK(conf->hours == std::vector<std::string>{"09:00-11:30", "13:30-16:30"});
  const Fact* info = find(x, "info-changes");
  REQUIRE(info);
  CHECK(info->timing == FactTiming::deadline);
  CHECK(info->end == d(2024, 2, 8));
  REQUIRE(find(x, "admission-card"));
  const Fact* results = find(x, "results");
  REQUIRE(results);
  CHECK(results->timing == FactTiming::relative);
  CHECK(results->months == 2);
  REQUIRE(x.exam.size() == 1);
  CHECK(x.exam[0].mode == "cbt");
  CHECK(x.exam[0].days.size() == 4);
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("a dated line no word places is listed, never dropped or guessed", "[import]") {
  DiagnosticSink sink;
  Extraction x = extract(doc("2024年度考试通知\n具体安排：3月5日\n"), sink);
  CHECK(x.facts.empty());
  REQUIRE(x.unused.size() == 1);
  CHECK(x.unused[0].dated);
  CHECK(x.unused[0].cite.line == 2);
  CHECK(x.unused[0].days == std::vector<Date>{d(2024, 3, 5)});
}

TEST_CASE("a weekday note that contradicts its date is a warning quoting both", "[import]") {
  DiagnosticSink sink;
  extract(doc("2024年度考试通知\n网上报名：2024年3月4日（星期二）至3月8日\n"), sink);
  REQUIRE(sink.diagnostics().size() == 1);
  const Diagnostic& w = sink.diagnostics()[0];
  CHECK(w.kind == DiagKind::import_weekday_mismatch);
  CHECK(w.loc.line == 2);
  CHECK(w.loc.column == 15); // the note, （星期二）
  CHECK(w.message.zh.find("星期一") != std::string::npos);
  CHECK(w.message.zh.find("星期二") != std::string::npos);
}

TEST_CASE("the page's date, another year's dates and conditions of candidacy are no steps", "[import]") {
  DiagnosticSink sink;
  Extraction x = extract(doc("2024年度考试通知\n发布时间：2024年1月2日\n"
                             "2019年5月6日网上报名\n"
                             "报名人员工作年限截止到2023年12月31日。\n"),
                         sink);
  CHECK(x.facts.empty());
  CHECK(x.unused.size() == 3);
  for (const Unused& u : x.unused) CHECK_FALSE(u.dated);
}

TEST_CASE("the draft cites every value and marks every table; --confirm removes only the marks", "[import]") {
  DiagnosticSink sink;
  Extraction x = extract(doc("示例考区2024年度卫生专业技术资格考试的通知\n网上报名：2023年12月1日－14日\n"), sink);
  DraftOptions o;
  o.id = "example-2024";
  o.level = "region";
  o.notice = "notice.txt";
  Draft draft = write_draft(x, o);
  CHECK(draft.toml.find("start = 2023-12-01           # 2行 “网上报名：2023年12月1日－14日”") != std::string::npos);
  CHECK(draft.toml.find("imported = \"通知第2行\"") != std::string::npos);
  CHECK(draft.marks == 2);
  int removed = 0;
  std::string confirmed = confirm_draft(draft.toml, removed);
  CHECK(removed == 2);
  CHECK(confirmed.find("imported =") == std::string::npos);
  CHECK(confirmed.size() + 2 * std::string("imported = \"通知第2行\"\n").size() == draft.toml.size());
  o.parent = "national-2024";
  o.parent_steps.push_back({"registration", "registration", FactTiming::window, d(2023, 12, 1), d(2023, 12, 14), {}, 0, 0});
  Draft inherited = write_draft(x, o);
  CHECK(inherited.inherited == 1);
  CHECK(inherited.toml.find("[[phases]]") == std::string::npos);
}
