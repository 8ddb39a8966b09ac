#include <catch2/catch.hpp>

#include <set>

#include "bind/feed_events.hpp"
#include "resolve/resolver.hpp"
#include "test_support.hpp"

using namespace kaowu;
using testing::event;
using testing::feed;

namespace {
} // namespace

TEST_CASE("the Fengtai candidate feed carries the site's and the region's dates", "[feeds]") {
  auto l = testing::load_shipped();
  REQUIRE_FALSE(l->sink.has_errors());
  auto feeds = build_feeds(l->resolved);
  const Feed& f = feed(feeds, "beijing-2024-fengtai");
  CHECK(f.path_stem == "feeds/beijing-2024-fengtai");

  const FeedEvent* reg = event(f, "registration");
  REQUIRE(reg);
  CHECK(reg->id == "beijing-2024-fengtai/registration");
  CHECK(reg->start->iso() == "2023-12-01");
  CHECK(reg->end->iso() == "2023-12-14");
  CHECK(reg->display == "2023年12月1日－14日");

  const FeedEvent* pay_deadline = event(f, "payment/deadline");
  REQUIRE(pay_deadline);
  CHECK(pay_deadline->kind == EventKind::deadline);
  CHECK(pay_deadline->start->iso() == "2024-02-08");
  CHECK(pay_deadline->title.find("截止") != std::string::npos);

  // The confirmation is the site's own window, at the site's place, one slot a day.
  const FeedEvent* confirm = event(f, "confirmation");
  REQUIRE(confirm);
  CHECK(confirm->start->iso() == "2023-12-11");
  CHECK(confirm->place.find("丰台区社区学院") != std::string::npos);
  int slots = 0;
  for (const FeedEvent& e : f.events)
    if (e.key.rfind("confirmation/slot-", 0) == 0) ++slots;
  CHECK(slots == 5);

  // Exam sessions are timed: 20 CBT sessions over four days and 4 paper sessions.
  int cbt = 0, paper = 0;
  for (const FeedEvent& e : f.events)
    if (e.kind == EventKind::session) (e.mode == "cbt" ? cbt : paper)++;
  CHECK(cbt == 16);
  CHECK(paper == 4);
  const FeedEvent* first = event(f, "exam/d1/cbt-1/basic");
  REQUIRE(first);
  CHECK(first->start->iso() == "2024-04-13");
  CHECK(first->time->start_minute == 8 * 60 + 30);
  CHECK(first->time->end_minute == 10 * 60);

  // Results are approximate; military tasks stay out of the candidate feed.
  const FeedEvent* results = event(f, "results");
  REQUIRE(results);
  CHECK(results->kind == EventKind::estimate);
  CHECK(results->approximate);
  CHECK(event(f, "military-data/day-1") == nullptr);
  CHECK(event(feed(feeds, "beijing-2024-fengtai/staff"), "military-data/day-1") != nullptr);
}

TEST_CASE("ids never depend on dates: a moved date keeps its event id", "[feeds]") {
  auto l = testing::load_shipped();
  auto before = build_feeds(l->resolved);
  std::vector<std::string> ids_before;
  for (const FeedEvent& e : feed(before, "beijing-2024").events) ids_before.push_back(e.id);
  for (Calendar& c : l->project.calendars)
    if (c.id.value == "beijing-2024")
      for (Phase& p : c.phases)
        if (p.id.value == "payment") p.timing.end.date = p.timing.end.date.plus_days(3);
  DiagnosticSink sink;
  auto moved = build_feeds(resolve(l->project, sink));
  std::vector<std::string> ids_after;
  for (const FeedEvent& e : feed(moved, "beijing-2024").events) ids_after.push_back(e.id);
  std::sort(ids_before.begin(), ids_before.end());
  std::sort(ids_after.begin(), ids_after.end());
  CHECK(ids_before == ids_after);
}

TEST_CASE("a specialty without an assigned day gets every possible day of its mode", "[feeds]") {
  auto l = testing::load_shipped();
  auto feeds = build_feeds(l->resolved);
  // 203 护理学 (初级师) sits the paper exam: exactly its four sessions.
  const Feed& nursing = feed(feeds, "beijing-2024/specialty-203");
  CHECK(nursing.events.size() == 4);
  for (const FeedEvent& e : nursing.events) CHECK(e.mode == "paper");
  // 301 is CBT with no published assignment: all 16 CBT sessions, each marked as possible.
  const Feed& internal = feed(feeds, "beijing-2024/specialty-301");
  CHECK(internal.events.size() == 16);
  for (const FeedEvent& e : internal.events) CHECK(e.day_by_admission_card);
}

TEST_CASE("Zhejiang's CBT days have no published times: all-day exam days", "[feeds]") {
  auto l = testing::load_shipped();
  auto feeds = build_feeds(l->resolved);
  const Feed& zj = feed(feeds, "zhejiang-2024-senior/hangzhou");
  int exam_days = 0, sessions = 0;
  for (const FeedEvent& e : zj.events) {
    if (e.kind == EventKind::exam_day) ++exam_days;
    if (e.kind == EventKind::session) ++sessions;
  }
  CHECK(exam_days == 2); // 7月6日, 7日, 以准考证为准
  CHECK(sessions == 2);  // the paper exam of 生殖健康教育技术
}

TEST_CASE("exam days not assigned to a specialty are possible days, in every feed", "[feeds]") {
  auto l = testing::load_shipped();
  auto feeds = build_feeds(l->resolved);
  // Fengtai: the paper batch names 203, the CBT batches name no specialty.
  for (const FeedEvent& e : feed(feeds, "beijing-2024-fengtai").events) {
    if (e.phase_id != "exam") {
      CHECK_FALSE(e.possible);
      continue;
    }
    INFO(e.key);
    CHECK(e.possible == (e.mode == "cbt"));
    CHECK((e.title.rfind("（可能）", 0) == 0) == e.possible);
    CHECK((e.description.find("可能的考试日") != std::string::npos) == e.possible);
  }
  for (const FeedEvent& e : feed(feeds, "beijing-2024/specialty-301").events) CHECK(e.possible);
  for (const FeedEvent& e : feed(feeds, "beijing-2024/specialty-203").events) CHECK_FALSE(e.possible);
  // National 2021: exam days without batches.
  for (const FeedEvent& e : feed(feeds, "national-2021").events)
    if (e.phase_id == "exam" && e.start) CHECK(e.possible);
}

TEST_CASE("a staff feed with no event is not published", "[feeds]") {
  auto l = testing::load_shipped();
  auto feeds = build_feeds(l->resolved);
  std::set<std::string> staff;
  for (const Feed& f : feeds)
    if (f.kind == FeedKind::staff) {
      CHECK_FALSE(f.events.empty());
      staff.insert(f.id);
    }
  // Only three shipped calendars have staff tasks of their own.
  CHECK(staff == std::set<std::string>{"national-2021/staff", "beijing-2024-fengtai/staff", "zhejiang-2024-senior/staff"});
}

TEST_CASE("a specialty feed's page is the specialty's page", "[feeds]") {
  auto l = testing::load_shipped();
  auto feeds = build_feeds(l->resolved);
  CHECK(feed_page(feed(feeds, "beijing-2024/specialty-203")) == "calendars/beijing-2024/specialties/203.html");
  CHECK(feed_page(feed(feeds, "zhejiang-2024-senior/hangzhou")) == "calendars/zhejiang-2024-senior/sites/hangzhou.html");
  CHECK(feed_page(feed(feeds, "beijing-2024-fengtai")) == "calendars/beijing-2024-fengtai/index.html");
}
