// The iCalendar renderer, read back through libical itself.
#include <catch2/catch.hpp>

#include <algorithm>

#include <libical/ical.h>

#include <map>
#include <set>

#include "layout/site_layout.hpp"
#include "render/ical/htaccess.hpp"
#include "render/ical/ical_feed.hpp"
#include "render/ical/stamp.hpp"
#include "test_support.hpp"

using namespace kaowu;

namespace {

const char* kCalendar = R"(
[calendar]
id = "test-2024"
level = "region"
title = "测试考区2024年度考试"
issuer = "测试考区"
issued = 2024-01-10
exam_year = 2024
track = "初中级"
revision = 3
source = "test-notice"

[[phases]]
id = "payment"
name = "网上缴费"
audience = "candidate"
form = "online"
start = 2024-01-29
end = 2024-02-08
url = "https://pay.example.org/"

[[phases]]
id = "results"
name = "成绩发布"
audience = "candidate"
after = { phase = "exam", months = 2 }
approximate = true
text = "考后两个月"

[[phases]]
id = "certificates"
name = "证书领取"
audience = "candidate"
tba = "另行通知"

[exam]
name = "考试实施"

[[exam.batches]]
id = "cbt-1"
mode = "cbt"
name = "人机对话第1批次"
days = [2024-04-13]

[[exam.sessions]]
mode = "cbt"
subject = "基础知识"
time = "08:30-10:00"

[[withdrawn]]
event = "receipts"
date = 2024-05-09
name = "领取收据"
note = "改为电子票据"
)";

// A parsed feed that frees itself.
struct Parsed {
  icalcomponent* root = nullptr;
  explicit Parsed(const std::string& text) : root(icalparser_parse_string(text.c_str())) {}
  ~Parsed() {
    if (root) icalcomponent_free(root);
  }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;

  std::map<std::string, icalcomponent*> events() const {
    std::map<std::string, icalcomponent*> out;
    for (icalcomponent* e = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT))
      out[icalcomponent_get_uid(e)] = e;
    return out;
  }
};

std::string ymd(icaltimetype t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

std::string property_text(icalcomponent* c, icalproperty_kind kind) {
  icalproperty* p = icalcomponent_get_first_property(c, kind);
  return p ? icalproperty_get_value_as_string(p) : "";
}

std::string dtstart_tzid(icalcomponent* ev) {
  icalproperty* p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
  icalparameter* tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  return tz ? icalparameter_get_tzid(tz) : "";
}

int count(icalcomponent* c, icalcomponent_kind kind) {
  return icalcomponent_count_components(c, kind);
}

struct Rendered {
  std::unique_ptr<testing::Loaded> loaded;
  std::vector<Feed> feeds;
  const Feed& feed(const std::string& id) const {
    for (const Feed& f : feeds)
      if (f.id == id) return f;
    FAIL("no feed " << id);
    return feeds.front();
  }
};

Rendered render_texts(std::vector<std::pair<std::string, std::string>> docs) {
  Rendered r;
  r.loaded = testing::load_texts(docs);
  REQUIRE_FALSE(r.loaded->sink.has_errors());
  r.feeds = build_feeds(r.loaded->resolved);
  return r;
}

} // namespace

TEST_CASE("exam sessions are timed in Asia/Shanghai with a minimal VTIMEZONE", "[ical]") {
  auto r = render_texts({{"test.toml", kCalendar}});
  std::string text = feed_to_ical(r.feed("test-2024"), {});
  Parsed p(text);
  REQUIRE(p.root);

  REQUIRE(count(p.root, ICAL_VTIMEZONE_COMPONENT) == 1);
  icalcomponent* vtz = icalcomponent_get_first_component(p.root, ICAL_VTIMEZONE_COMPONENT);
  CHECK(property_text(vtz, ICAL_TZID_PROPERTY) == "Asia/Shanghai");
  CHECK(count(vtz, ICAL_XSTANDARD_COMPONENT) == 1);
  CHECK(count(vtz, ICAL_XDAYLIGHT_COMPONENT) == 0);
  icalcomponent* standard = icalcomponent_get_first_component(vtz, ICAL_XSTANDARD_COMPONENT);
  CHECK(icalproperty_get_tzoffsetto(icalcomponent_get_first_property(standard, ICAL_TZOFFSETTO_PROPERTY)) == 8 * 3600);
  CHECK(icalproperty_get_tzoffsetfrom(icalcomponent_get_first_property(standard, ICAL_TZOFFSETFROM_PROPERTY)) == 8 * 3600);
  CHECK(icalcomponent_get_first_property(standard, ICAL_RDATE_PROPERTY) == nullptr);
  CHECK(text.find("freeassociation") == std::string::npos);

  auto events = p.events();
  icalcomponent* basic = events["test-2024/exam/d1/cbt-1/basic@kaowu"];
  REQUIRE(basic);
  CHECK(dtstart_tzid(basic) == "Asia/Shanghai");
  icaltimetype start = icalcomponent_get_dtstart(basic);
  icaltimetype end = icalcomponent_get_dtend(basic);
  CHECK_FALSE(start.is_date);
  CHECK(start.hour == 8);
  CHECK(start.minute == 30);
  CHECK(end.hour == 10);
  CHECK(end.minute == 0);
  // Through the published VTIMEZONE, 08:30 in Shanghai is 00:30 UTC.
  icaltimezone* zone = icaltimezone_new();
  REQUIRE(icaltimezone_set_component(zone, icalcomponent_new_clone(vtz)));
  icaltimetype local = icalproperty_get_dtstart(icalcomponent_get_first_property(basic, ICAL_DTSTART_PROPERTY));
  CHECK(icaltime_as_timet_with_zone(local, zone) == 1712968200); // 2024-04-13T00:30:00Z
  icaltimezone_free(zone, 1);
  CHECK(text.find("DTSTART;TZID=Asia/Shanghai:20240413T083000\r\n") != std::string::npos);
}

TEST_CASE("windows and deadlines are all-day events with an exclusive DTEND", "[ical]") {
  auto r = render_texts({{"test.toml", kCalendar}});
  Parsed p(feed_to_ical(r.feed("test-2024"), {}));
  auto events = p.events();

  icalcomponent* payment = events["test-2024/payment@kaowu"];
  REQUIRE(payment);
  CHECK(icalcomponent_get_dtstart(payment).is_date);
  CHECK(ymd(icalcomponent_get_dtstart(payment)) == "2024-01-29");
  CHECK(ymd(icalcomponent_get_dtend(payment)) == "2024-02-09"); // the day after 2月8日
  CHECK(count(payment, ICAL_VALARM_COMPONENT) == 0);

  icalcomponent* deadline = events["test-2024/payment/deadline@kaowu"];
  REQUIRE(deadline);
  CHECK(ymd(icalcomponent_get_dtstart(deadline)) == "2024-02-08");
  CHECK(ymd(icalcomponent_get_dtend(deadline)) == "2024-02-09");
  std::string title = icalcomponent_get_summary(deadline);
  CHECK(title.find("截止") != std::string::npos);
  CHECK(title.find("网上缴费") != std::string::npos);
  // Alarms for clients that honour them; the title warns for those that do not (Google).
  CHECK(count(deadline, ICAL_VALARM_COMPONENT) == 2);
}

TEST_CASE("an approximate date is an all-day 预计 event and tba phases are left out", "[ical]") {
  auto r = render_texts({{"test.toml", kCalendar}});
  Parsed p(feed_to_ical(r.feed("test-2024"), {}));
  auto events = p.events();
  icalcomponent* results = events["test-2024/results@kaowu"];
  REQUIRE(results);
  CHECK(std::string(icalcomponent_get_summary(results)).rfind("（预计）", 0) == 0);
  CHECK(icalcomponent_get_status(results) == ICAL_STATUS_TENTATIVE);
  CHECK(std::string(icalcomponent_get_description(results)).find("此日期为预计") != std::string::npos);
  CHECK(ymd(icalcomponent_get_dtstart(results)) == "2024-06-13"); // two months after 4月13日
  CHECK(icalcomponent_get_dtstart(results).is_date);
  for (const auto& [uid, ev] : events) CHECK(uid.find("certificates") == std::string::npos);
}

TEST_CASE("SEQUENCE follows the revisions, DTSTAMP the issued date", "[ical]") {
  auto r = render_texts({{"test.toml", kCalendar}});
  Parsed p(feed_to_ical(r.feed("test-2024"), {}));
  for (const auto& [uid, ev] : p.events()) {
    CHECK(icalcomponent_get_sequence(ev) == 2); // revision 3
    icaltimetype stamp = icalcomponent_get_dtstamp(ev);
    CHECK(icaltime_is_utc(stamp));
    CHECK(std::string(icaltime_as_ical_string(stamp)) == "20240109T160000Z"); // 2024-01-10 00:00 +0800
  }

  // A site narrowing a revised region: either revision raising the SEQUENCE is seen.
  auto nested = render_texts({{"test.toml", kCalendar}, {"site.toml", R"(
[calendar]
id = "test-2024-site"
level = "site"
title = "测试考点"
issuer = "测试考点"
exam_year = 2024
track = "初中级"
parent = "test-2024"
revision = 2
source = "test-site-notice"
[site]
name = "测试考点"
)"}});
  CHECK(feed_sequence(*nested.feed("test-2024-site").calendar) == 3);
  // No issued date of its own: the parent's.
  CHECK(feed_dtstamp(*nested.feed("test-2024-site").calendar, 5) == 1704816000);
}

TEST_CASE("DTSTAMP without an issued date comes from SOURCE_DATE_EPOCH, never the clock nor 1970", "[ical]") {
  auto r = render_texts({{"bare.toml", R"(
[calendar]
id = "bare"
level = "national"
title = "无发文日期"
issuer = "某中心"
exam_year = 2019
track = "初中级"
[[phases]]
id = "registration"
name = "网上报名"
audience = "candidate"
start = 2019-01-10
end = 2019-01-25
)"}});
  const ResolvedCalendar& rc = *r.feed("bare").calendar;
  // Neither issued nor SOURCE_DATE_EPOCH: 00:00 Asia/Shanghai of the first date it publishes.
  CHECK(feed_dtstamp(rc, std::nullopt) == int64_t{Date::from_ymd(2019, 1, 10)->days_since_epoch()} * 86400 - 8 * 3600);
  CHECK(feed_dtstamp(rc, 1700000000) == 1700000000);
  IcalOptions options;
  options.source_date_epoch = 1700000000;
  CHECK(feed_to_ical(r.feed("bare"), options).find("DTSTAMP:20231114T221320Z\r\n") != std::string::npos);
  CHECK(feed_to_ical(r.feed("bare"), {}).find("DTSTAMP:20190109T160000Z\r\n") != std::string::npos);
  CHECK(feed_to_ical(r.feed("bare"), {}).find("DTSTAMP:1970") == std::string::npos);
  // No session, no VTIMEZONE (RFC 5545: only zones that are referenced).
  CHECK(feed_to_ical(r.feed("bare"), {}).find("VTIMEZONE") == std::string::npos);
}

TEST_CASE("a calendar that publishes no date at all is stamped January 1 of the year before its exam", "[ical]") {
  auto r = render_texts({{"open.toml", R"(
[calendar]
id = "open"
level = "national"
title = "尚未公布"
issuer = "某中心"
exam_year = 2027
track = "初中级"
[[phases]]
id = "registration"
name = "网上报名"
audience = "candidate"
tba = "另行通知"
)"}});
  CHECK(feed_dtstamp(*r.feed("open").calendar, std::nullopt) ==
        int64_t{Date::from_ymd(2026, 1, 1)->days_since_epoch()} * 86400 - 8 * 3600);
}

TEST_CASE("SOURCE_DATE_EPOCH is read as decimal seconds or ignored", "[ical]") {
  auto [text, expected] = GENERATE(table<const char*, std::optional<int64_t>>({
      {"1700000000", 1700000000},
      {"0", 0},
      {"", std::nullopt},
      {"abc", std::nullopt},
      {"17e8", std::nullopt},
      {"-5", std::nullopt},
      {nullptr, std::nullopt},
  }));
  CHECK(parse_source_date_epoch(text) == expected);
}

TEST_CASE("a withdrawn event is published once more as cancelled under its old UID", "[ical]") {
  auto r = render_texts({{"test.toml", kCalendar}});
  Parsed p(feed_to_ical(r.feed("test-2024"), {}));
  auto events = p.events();
  icalcomponent* receipts = events["test-2024/receipts@kaowu"];
  REQUIRE(receipts);
  CHECK(icalcomponent_get_status(receipts) == ICAL_STATUS_CANCELLED);
  CHECK(icalcomponent_get_sequence(receipts) == 2);
  CHECK(ymd(icalcomponent_get_dtstart(receipts)) == "2024-05-09");
  CHECK(std::string(icalcomponent_get_description(receipts)).find("改为电子票据") != std::string::npos);
  // Candidate withdrawals stay out of the staff feed, which is not published at all here: the
  // calendar has no staff event and withdraws none.
  for (const Feed& f : r.feeds) CHECK(f.kind != FeedKind::staff);
}

TEST_CASE("a staff feed with no event is published only to cancel a withdrawn staff event", "[ical]") {
  std::string text = kCalendar;
  text += "\n[[withdrawn]]\nevent = \"arrange-rooms\"\ndate = 2024-03-11\nname = \"编排考场\"\naudience = \"staff\"\n";
  auto r = render_texts({{"test.toml", text}});
  const Feed& staff = r.feed("test-2024/staff");
  CHECK(staff.events.empty());
  Parsed p(feed_to_ical(staff, {}));
  icalcomponent* cancelled = p.events()["test-2024/staff/arrange-rooms@kaowu"];
  REQUIRE(cancelled);
  CHECK(icalcomponent_get_status(cancelled) == ICAL_STATUS_CANCELLED);
}

TEST_CASE("withdrawing an event the calendar still publishes is an error", "[ical]") {
  std::string text = kCalendar;
  text += "\n[[withdrawn]]\nevent = \"payment/deadline\"\ndate = 2024-02-08\nname = \"网上缴费截止\"\n";
  // Found by the bind stage, so `kaowu check` reports it too.
  auto l = testing::load_texts({{"test.toml", text}});
  REQUIRE(l->sink.error_count() == 1);
  // (Its other finding is a warning: this project has no holidays file for 2024.)
  auto error = std::find_if(l->sink.diagnostics().begin(), l->sink.diagnostics().end(),
                            [](const Diagnostic& x) { return x.severity == Severity::error; });
  REQUIRE(error != l->sink.diagnostics().end());
  const Diagnostic& d = *error;
  CHECK(d.kind == DiagKind::withdrawn_still_published);
  CHECK(d.loc.file == "test.toml");
  CHECK(d.loc.line >= 55); // the appended entry, not the calendar
}

TEST_CASE("a withdrawn entry with a malformed event key is reported where it is written", "[ical]") {
  std::string text = kCalendar;
  text += "\n[[withdrawn]]\nevent = \"Payment//x\"\ndate = 2024-02-08\nname = \"x\"\n";
  auto l = testing::load_texts({{"test.toml", text}});
  REQUIRE(l->sink.error_count() == 1);
  CHECK(l->sink.diagnostics().front().kind == DiagKind::invalid_id);
}

TEST_CASE("links go to the calendar's page when a base URL is given", "[ical]") {
  auto r = render_texts({{"test.toml", kCalendar}});
  const Feed& f = r.feed("test-2024");
  Parsed without(feed_to_ical(f, {}));
  for (const auto& [uid, ev] : without.events()) CHECK(icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY) == nullptr);

  IcalOptions options;
  options.layout = SiteLayout(*normalize_base_url("https://kaowu.example.org/"));
  Parsed with(feed_to_ical(f, options));
  icalcomponent* payment = with.events()["test-2024/payment@kaowu"];
  REQUIRE(payment);
  CHECK(property_text(payment, ICAL_URL_PROPERTY) == "https://kaowu.example.org/calendars/test-2024/");
  std::string description = icalcomponent_get_description(payment);
  CHECK(description.find("通知页面：https://kaowu.example.org/calendars/test-2024/") != std::string::npos);
  CHECK(description.find("办理网址：https://pay.example.org/") != std::string::npos);
  CHECK(description.find("来源：test-notice") != std::string::npos);

  std::string ics = SiteLayout::ics(f.path_stem);
  CHECK(ics == "feeds/test-2024.ics");
  CHECK(options.layout.url(ics) == "https://kaowu.example.org/feeds/test-2024.ics");
  CHECK(options.layout.webcal(ics) == "webcal://kaowu.example.org/feeds/test-2024.ics");
  CHECK(SiteLayout().webcal(ics).empty());
}

TEST_CASE("the calendar carries the subscription conventions", "[ical]") {
  auto r = render_texts({{"test.toml", kCalendar}});
  std::string text = feed_to_ical(r.feed("test-2024"), {});
  for (const char* line : {"VERSION:2.0\r\n", "CALSCALE:GREGORIAN\r\n", "X-WR-TIMEZONE:Asia/Shanghai\r\n",
                           "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n", "X-PUBLISHED-TTL:PT12H\r\n"})
    CHECK(text.find(line) != std::string::npos);
  Parsed p(text);
  CHECK(property_text(p.root, ICAL_NAME_PROPERTY) == "测试考区2024年度考试 — 考生日程");
  CHECK(text.find("METHOD:") == std::string::npos); // a subscription, not an iTIP message
}

namespace {
// CRLF everywhere, no line over 75 octets, no character split by a fold.
void check_lines(const std::string& bytes) {
  size_t begin = 0, long_lines = 0, bare_newlines = 0, split_characters = 0;
  while (begin < bytes.size()) {
    size_t crlf = bytes.find("\r\n", begin);
    REQUIRE(crlf != std::string::npos);
    std::string line = bytes.substr(begin, crlf - begin);
    if (line.size() > 75) ++long_lines;
    if (line.find('\n') != std::string::npos) ++bare_newlines;
    // A folded line never starts with a UTF-8 continuation byte after its fold marker.
    if (line.size() > 1 && line[0] == ' ' && (static_cast<unsigned char>(line[1]) & 0xC0) == 0x80) ++split_characters;
    begin = crlf + 2;
  }
  CHECK(long_lines == 0);
  CHECK(bare_newlines == 0);
  CHECK(split_characters == 0);
}

std::string component_text(icalcomponent* c) {
  char* text = icalcomponent_as_ical_string_r(c);
  std::string out = text;
  icalmemory_free_buffer(text);
  return out;
}
} // namespace

TEST_CASE("every shipped feed is CRLF, folded at 75 octets on character boundaries, with unique UIDs", "[ical]") {
  auto l = testing::load_shipped();
  REQUIRE_FALSE(l->sink.has_errors());
  l->bound.layout = SiteLayout("https://kaowu.example.org");
  Artifacts first = render_ical(l->bound);
  Artifacts second = render_ical(l->bound);
  REQUIRE(first.size() == second.size());
  std::map<std::string, const Artifact*> by_path;
  for (size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].bytes == second[i].bytes); // deterministic
    CHECK(first[i].media_type == (first[i].path == ".htaccess" ? "text/plain; charset=utf-8" : "text/calendar; charset=utf-8"));
    by_path[first[i].path] = &first[i];
  }
  const std::vector<Feed>& feeds = l->bound.feeds;
  size_t checked = 0, event_files = 0;
  for (const Feed& feed : feeds) {
    INFO(feed.path_stem);
    REQUIRE(by_path.count(feed.path_stem + ".ics"));
    const Artifact& a = *by_path[feed.path_stem + ".ics"];
    check_lines(a.bytes);
    Parsed p(a.bytes);
    REQUIRE(p.root);
    std::set<std::string> expected;
    for (const FeedEvent& e : feed.events)
      if (e.kind != EventKind::tba) expected.insert(e.id + "@kaowu");
    std::set<std::string> uids;
    for (const auto& [uid, ev] : p.events()) uids.insert(uid);
    CHECK(uids == expected);
    CHECK(static_cast<size_t>(count(p.root, ICAL_VEVENT_COMPONENT)) == expected.size());
    ++checked;
    // 加入日历: the event's own file holds the feed's VEVENT as it is, under the same UID.
    auto in_feed = p.events();
    for (const FeedEvent& e : feed.events) {
      std::string path = SiteLayout::event_file(feed.path_stem, e.key);
      bool offered = (e.kind == EventKind::deadline || e.kind == EventKind::session || e.kind == EventKind::exam_day) &&
                     e.start && !e.possible;
      REQUIRE(by_path.count(path) == (offered ? 1u : 0u));
      if (!offered) continue;
      INFO(path);
      const Artifact& file = *by_path[path];
      check_lines(file.bytes);
      CHECK(file.bytes.find("METHOD:PUBLISH\r\n") != std::string::npos);
      CHECK(file.bytes.find("X-WR-CALNAME") == std::string::npos); // Outlook would make it a calendar
      Parsed one(file.bytes);
      REQUIRE(one.root);
      auto events = one.events();
      REQUIRE(events.size() == 1);
      REQUIRE(events.count(e.id + "@kaowu"));
      CHECK(component_text(events.begin()->second) == component_text(in_feed[e.id + "@kaowu"]));
      CHECK(count(one.root, ICAL_VTIMEZONE_COMPONENT) == (e.kind == EventKind::session ? 1 : 0));
      ++event_files;
    }
  }
  CHECK(checked > 300); // 369 for the shipped calendars
  CHECK(event_files > 100);
  CHECK(first.size() == checked + event_files + 1); // + .htaccess
  CHECK(first.back().path == ".htaccess");
}

TEST_CASE("the .htaccess serves feeds, data and pages as UTF-8 with CORS", "[ical]") {
  Artifact a = htaccess();
  CHECK(a.path == ".htaccess");
  for (const char* line : {"AddType text/calendar .ics", "AddType application/json .json", "AddType text/html .html",
                           "AddCharset utf-8 .html .ics .json", "<FilesMatch \"\\.(ics|json|xml)$\">\n"
                           "    Header set Access-Control-Allow-Origin \"*\"",
                           "AddOutputFilterByType DEFLATE text/html text/calendar application/json"})
    CHECK(a.bytes.find(line) != std::string::npos);
}
