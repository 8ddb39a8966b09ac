// The candidate's pages: the site layout's paths, what to do now, the subscribe pages, my exam.
#include <catch2/catch.hpp>

#include <map>

#include "layout/site_layout.hpp"
#include "render/html/render_site.hpp"
#include "render/ical/ical_feed.hpp"
#include "test_support.hpp"

using namespace kaowu;

namespace {

std::map<std::string, std::string> site_pages(const BindOptions& options) {
  auto l = testing::load_shipped(options);
  REQUIRE_FALSE(l->sink.has_errors());
  DiagnosticSink sink;
  std::map<std::string, std::string> out;
  for (Artifact& a : render_site(l->bound, sink)) out[a.path] = std::move(a.bytes);
  CHECK_FALSE(sink.has_errors());
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("the site layout names every new kind of file", "[site]") {
  CHECK(SiteLayout::subscribe_page("feeds/beijing-2024") == "subscribe/beijing-2024.html");
  CHECK(SiteLayout::subscribe_page("feeds/beijing-2024.staff") == "subscribe/beijing-2024.staff.html");
  CHECK(SiteLayout::subscribe_page("feeds/beijing-2024/specialty-203") == "subscribe/beijing-2024/specialty-203.html");
  CHECK(SiteLayout::event_file("feeds/beijing-2024-fengtai", "payment/deadline") ==
        "feeds/beijing-2024-fengtai/events/payment.deadline.ics");
  CHECK(SiteLayout::event_file("feeds/beijing-2024/specialty-203", "exam/paper/d1/basic") ==
        "feeds/beijing-2024/specialty-203/events/exam.paper.d1.basic.ics");
  CHECK(SiteLayout::specialty_page("beijing-2024", "203") == "calendars/beijing-2024/specialties/203.html");
  CHECK(SiteLayout::relative(SiteLayout::subscribe_page("feeds/beijing-2024/specialty-203"), SiteLayout::favicon) ==
        "../../favicon.svg");
  const auto& templates = SiteLayout::page_templates();
  CHECK(std::count(templates.begin(), templates.end(), "specialty-page.mustache") == 1);
  CHECK(std::count(templates.begin(), templates.end(), "subscribe-page.mustache") == 1);
}

TEST_CASE("what to do now is computed for the build's day", "[site]") {
  BindOptions options;
  options.build_date = Date::from_ymd(2023, 12, 12);
  options.base_url = "https://example.org/kaowu/";
  auto pages = site_pages(options);
  const std::string& fengtai = pages.at("calendars/beijing-2024-fengtai/index.html");
  // Before the timeline: the now box comes first on the page.
  CHECK(fengtai.find("现在该做什么") < fengtai.find("id=\"phases-h\""));
  CHECK(has(fengtai, "<strong>网上报名</strong>：2023年12月14日截止，<span class=\"now-left\">还剩2天</span>"));
  CHECK(has(fengtai, "<strong>现场审核确认</strong>：2023年12月15日截止，<span class=\"now-left\">还剩3天</span>"));
  CHECK(has(fengtai, "<strong>网上缴费</strong>：2024年1月29日开始，<span class=\"now-left\">还有48天</span>"));
  CHECK(has(fengtai, "2024年4月13日开始，还有123天"));
  // 加入日历 for the open phase's last day, the file under the feed's UID.
  CHECK(has(fengtai, "href=\"../../feeds/beijing-2024-fengtai/events/registration.deadline.ics\""));
  // The QR code opens the subscribe page, not the .ics.
  CHECK(has(fengtai, "二维码：丰台考点2024年度初中级卫生专业技术资格考试 — 考生日程的订阅页 https://example.org/kaowu/subscribe/beijing-2024-fengtai.html"));
  // Staff links sit in the section for staff and webmasters, after the candidate's sections.
  CHECK(fengtai.find("考务人员与网站管理员") > fengtai.find("id=\"subscribe-h\""));
  CHECK(fengtai.find("subscribe/beijing-2024-fengtai.staff.html") > fengtai.find("考务人员与网站管理员"));
  // The region publishes no staff feed: nothing links one.
  CHECK_FALSE(has(pages.at("calendars/beijing-2024/index.html"), "beijing-2024.staff"));
  CHECK(pages.count("subscribe/beijing-2024.staff.html") == 0);
}

TEST_CASE("without a build day the box lists every candidate date", "[site]") {
  auto pages = site_pages({});
  const std::string& fengtai = pages.at("calendars/beijing-2024-fengtai/index.html");
  CHECK_FALSE(has(fengtai, "进行中"));
  CHECK(has(fengtai, "<li class=\"now-item\"><strong>网上报名</strong>：2023年12月1日－14日</li>"));
  CHECK(has(fengtai, "<li class=\"now-item\"><strong>考试实施</strong>：2024年4月13、14、20、21日</li>"));
  // Without --base-url: no QR code, no absolute address; the subscribe page says why.
  CHECK_FALSE(has(fengtai, "<svg"));
  const std::string& subscribe = pages.at("subscribe/beijing-2024-fengtai.html");
  CHECK(has(subscribe, "本站生成时没有提供网站地址（--base-url）"));
  CHECK_FALSE(has(subscribe, "webcal://"));
}

TEST_CASE("every published feed has a subscribe page offering each device its way", "[site]") {
  BindOptions options;
  options.base_url = "https://example.org/kaowu";
  auto l = testing::load_shipped(options);
  DiagnosticSink sink;
  std::map<std::string, std::string> pages;
  for (Artifact& a : render_site(l->bound, sink)) pages[a.path] = std::move(a.bytes);
  size_t subscribe_pages = 0;
  for (const auto& [path, html] : pages) subscribe_pages += path.rfind("subscribe/", 0) == 0;
  CHECK(subscribe_pages == l->bound.feeds.size());
  const std::string& page = pages.at("subscribe/beijing-2024/specialty-203.html");
  CHECK(has(page, "href=\"webcal://example.org/kaowu/feeds/beijing-2024/specialty-203.ics\""));
  CHECK(has(page, "https://calendar.google.com/calendar/render?cid=webcal://example.org/kaowu/feeds/beijing-2024/specialty-203.ics"));
  CHECK(has(page, "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fexample.org%2Fkaowu%2Ffeeds%2Fbeijing-2024%2Fspecialty-203.ics\""));
  CHECK(has(page, "右上角 <strong>···</strong> → <strong>在浏览器打开</strong>"));
  CHECK(has(page, "value=\"https://example.org/kaowu/feeds/beijing-2024/specialty-203.ics\""));
  CHECK(has(page, "<script src=\"../../subscribe.js\" defer></script>"));
}

TEST_CASE("my exam: a page per specialty, possible days marked, the two feeds named", "[site]") {
  auto pages = site_pages({});
  size_t specialty_pages = 0;
  for (const auto& [path, html] : pages) specialty_pages += path.find("/specialties/") != std::string::npos;
  CHECK(specialty_pages > 300); // beijing-2024, heilongjiang-2022, zhejiang-2024-senior
  const std::string& paper = pages.at("calendars/beijing-2024/specialties/203.html");
  CHECK(has(paper, "<h1><span class=\"code\">203</span> 护理学</h1>"));
  CHECK(has(paper, "初级（师） · 纸笔作答"));
  CHECK(has(paper, "本专业的考试日：2024年4月13、14日"));
  CHECK(has(paper, "feeds/beijing-2024/specialty-203/events/exam.d1.paper.basic.ics"));
  CHECK_FALSE(has(paper, "可能的考试日"));
  CHECK(has(paper, "subscribe/beijing-2024/specialty-203.html"));  // the specialty's feed
  CHECK(has(paper, "subscribe/beijing-2024-fengtai.html\">丰台考点")); // and the site's
  const std::string& cbt = pages.at("calendars/beijing-2024/specialties/301.html");
  CHECK(has(cbt, "本专业可能的考试日：2024年4月13、14、20、21日"));
  CHECK(has(cbt, "<span class=\"tag-possible\">可能的考试日</span>"));
  CHECK_FALSE(has(cbt, "/events/")); // a possible day is not a file to add once
  // The calendar page lists the specialties; a site calendar links its region's pages.
  const std::string& fengtai = pages.at("calendars/beijing-2024-fengtai/index.html");
  CHECK(has(fengtai, "<li data-code=\"203\" data-name=\"护理学\"><a href=\"../../calendars/beijing-2024/specialties/203.html\">"));
  CHECK(has(fengtai, "全部专业（113个）"));
}

TEST_CASE("a column with one value for every row is said once", "[site]") {
  auto pages = site_pages({});
  const std::string& fengtai = pages.at("calendars/beijing-2024-fengtai/index.html");
  CHECK(has(fengtai, "<p class=\"slot-once\">办理时间：每天 9∶00—11∶30、13∶30—16∶30<br>地点：北京市丰台区社区学院（丰台区望园东里23号）</p>"));
  CHECK(has(fengtai, "<thead><tr><th scope=\"col\">日期</th><th scope=\"col\">单位</th></tr></thead>"));
  // The paper batch is the table's caption, not a line per day; CBT days share their times.
  CHECK(has(fengtai, "<caption>纸笔作答（护理学 初级师）</caption>"));
  CHECK(has(fengtai, "<caption>人机对话：每个考试日的时间</caption>"));
}

TEST_CASE("no doubled titles, and a favicon on every page", "[site]") {
  auto pages = site_pages({});
  CHECK(has(pages.at("index.html"), "<title>卫生专业技术资格考试日程</title>"));
  for (const auto& [path, html] : pages) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    INFO(path);
    CHECK(has(html, "<link rel=\"icon\" href=\"" + SiteLayout::relative(path, SiteLayout::favicon) + "\" type=\"image/svg+xml\">"));
  }
}
