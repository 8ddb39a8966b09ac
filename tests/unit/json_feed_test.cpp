#include <catch2/catch.hpp>

#include <set>

#include "render/json/feed_json.hpp"
#include "test_support.hpp"

using namespace kaowu;
using namespace kaowu::json_feed;

namespace {
const Feed& find_feed(const std::vector<Feed>& feeds, const std::string& id) {
  for (const Feed& f : feeds)
    if (f.id == id) return f;
  FAIL("no feed " << id);
  return feeds.front();
}
const ordered_json& find_item(const ordered_json& feed, const std::string& id) {
  for (const ordered_json& item : feed["items"])
    if (item["id"] == id) return item;
  FAIL("no item " << id);
  return feed["items"][0];
}
} // namespace

TEST_CASE("every JSON item carries the id of its feed event (the iCalendar UID without @kaowu)", "[json]") {
  auto l = testing::load_shipped();
  REQUIRE_FALSE(l->sink.has_errors());
  auto feeds = build_feeds(l->resolved);
  REQUIRE(feeds.size() > 100);
  SiteLayout links;
  size_t items = 0;
  for (const Feed& f : feeds) {
    ordered_json j = feed_json(f, links);
    REQUIRE(j["items"].size() == f.events.size());
    std::set<std::string> ids;
    for (size_t i = 0; i < f.events.size(); ++i) {
      CHECK(j["items"][i]["id"] == f.events[i].id);
      CHECK(ids.insert(f.events[i].id).second);
      // Never an invented date: tba items are undated.
      if (f.events[i].kind == EventKind::tba) CHECK(j["items"][i]["start"].is_null());
      ++items;
    }
  }
  CHECK(items > 1000);
}

TEST_CASE("the Fengtai feed: dates, times with +08:00, display strings, null for what is open", "[json]") {
  auto l = testing::load_shipped();
  auto feeds = build_feeds(l->resolved);
  ordered_json j = feed_json(find_feed(feeds, "beijing-2024-fengtai"), SiteLayout());
  CHECK(j["$schema"] == "../schema/kaowu-feed-v1.schema.json");
  CHECK(j["version"] == 1);
  CHECK(j["links"]["ics"] == "../feeds/beijing-2024-fengtai.ics");
  CHECK(j["site"]["name"] == "丰台考点");

  auto [id, kind, start, end, deadline, display] =
      GENERATE(table<std::string, std::string, std::string, std::string, std::string, std::string>({
          {"registration", "window", "2023-12-01", "2023-12-14", "2023-12-14", "2023年12月1日－14日"},
          {"payment", "window", "2024-01-29", "2024-02-08", "2024-02-08", "2024年1月29日－2月8日"},
          {"payment/deadline", "deadline", "2024-02-08", "2024-02-08", "2024-02-08", "2024年2月8日"},
          {"exam/d1/cbt-1/basic", "session", "2024-04-13T08:30:00+08:00", "2024-04-13T10:00:00+08:00", "",
           "2024年4月13日 8∶30—10∶00"},
          {"exam/d2/paper/practice", "session", "2024-04-14T14:00:00+08:00", "2024-04-14T16:00:00+08:00", "",
           "2024年4月14日 14∶00—16∶00"},
          {"results", "estimate", "2024-06-21", "2024-06-21", "", "预计2024年6月21日（考后两个月内）"},
          {"certificates", "tba", "", "", "", ""},
      }));
  CAPTURE(id);
  const ordered_json& item = find_item(j, "beijing-2024-fengtai/" + id);
  auto text_or_null = [](const std::string& s) { return s.empty() ? ordered_json() : ordered_json(s); };
  CHECK(item["kind"] == kind);
  CHECK(item["start"] == text_or_null(start));
  CHECK(item["end"] == text_or_null(end));
  CHECK(item["deadline"] == text_or_null(deadline));
  CHECK(item["all_day"] == (kind != "session"));
  CHECK(item["tba"] == (kind == "tba"));
  CHECK(item["approximate"] == (kind == "estimate"));
  if (!display.empty()) CHECK(item["display"] == display);
}

TEST_CASE("JSON item details: parents, places, an opening day without an invented close", "[json]") {
  auto l = testing::load_shipped();
  auto feeds = build_feeds(l->resolved);
  ordered_json fengtai = feed_json(find_feed(feeds, "beijing-2024-fengtai"), SiteLayout());
  int slots = 0;
  for (const ordered_json& item : fengtai["items"])
    if (item["kind"] == "day" && item["phase"] == "confirmation") {
      ++slots;
      CHECK(item["parent"] == "beijing-2024-fengtai/confirmation");
      CHECK(item["place"] == "北京市丰台区社区学院（丰台区望园东里23号）");
      CHECK(item["hours"] == ordered_json::array({"09:00-11:30", "13:30-16:30"}));
    }
  CHECK(slots == 5);
  CHECK(find_item(fengtai, "beijing-2024-fengtai/payment/deadline")["parent"] == "beijing-2024-fengtai/payment");
  CHECK(find_item(fengtai, "beijing-2024-fengtai/payment")["parent"].is_null());
  CHECK(find_item(fengtai, "beijing-2024-fengtai/exam/d1/cbt-1/basic")["url"] ==
        "../calendars/beijing-2024-fengtai/timetable.html");

  // national 2022 published only the opening of registration (2021-12-08 起).
  ordered_json national = feed_json(find_feed(feeds, "national-2022"), SiteLayout());
  const ordered_json& opens = find_item(national, "national-2022/registration");
  CHECK(opens["kind"] == "opens");
  CHECK(opens["start"] == "2021-12-08");
  CHECK(opens["end"].is_null());
  CHECK(opens["deadline"].is_null());
  CHECK(national["links"]["timetable"] == "../calendars/national-2022/timetable.html"); // the work plan
}

TEST_CASE("keys come in the documented order", "[json]") {
  auto l = testing::load_shipped();
  auto feeds = build_feeds(l->resolved);
  ordered_json j = feed_json(find_feed(feeds, "zhejiang-2024-senior/hangzhou"), SiteLayout("https://example.org/k"));
  std::vector<std::string> top, item;
  for (auto it = j.begin(); it != j.end(); ++it) top.push_back(it.key());
  for (auto it = j["items"][0].begin(); it != j["items"][0].end(); ++it) item.push_back(it.key());
  CHECK(top == std::vector<std::string>{"$schema", "version", "id", "kind", "title", "language", "timezone",
                                        "calendar", "site", "specialty", "fees", "links", "items",
                                        "revision", "changes", "cancelled"});
  CHECK(item == std::vector<std::string>{"id", "phase", "phase_name", "parent", "kind", "title", "audience",
                                         "form", "all_day", "start", "end", "deadline", "display", "place",
                                         "hours", "approximate", "unconfirmed", "tba", "batch", "mode", "subject",
                                         "day_by_admission_card", "possible", "note", "description", "source",
                                         "url", "status", "was"});
  CHECK(j["$schema"] == "https://example.org/k/schema/kaowu-feed-v1.schema.json");
  CHECK(j["site"]["id"] == "hangzhou");
  CHECK(j["items"][0]["url"] == "https://example.org/k/calendars/zhejiang-2024-senior/sites/hangzhou.html");
}

TEST_CASE("ISO date-times carry +08:00", "[json]") {
  auto [minute, expected] = GENERATE(table<int, std::string>({
      {0, "2024-04-13T00:00:00+08:00"},
      {8 * 60 + 30, "2024-04-13T08:30:00+08:00"},
      {17 * 60 + 45, "2024-04-13T17:45:00+08:00"},
  }));
  CHECK(iso_date_time(*Date::from_ymd(2024, 4, 13), minute) == expected);
}
