// What the calendar format can say (issue 16): phase kinds apart from ids, fees as data, scoped
// rules and calendar overrides, checked exceptions, unconfirmed dates, stable slot and exam-day
// ids, and sources inside the repository. Realistic calendars of each shape are the fixtures in
// tests/rules/fixtures/pass_*.toml, loaded here with the shipped calendars.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/rule_kind.hpp"
#include "check/select.hpp"
#include "model/phase_kinds.hpp"
#include "render/html/render_site.hpp"
#include "render/ical/ical_feed.hpp"
#include "render/json/feed_json.hpp"
#include "test_support.hpp"
#include "text/fee_text.hpp"
#include "text/zh_format.hpp"

using namespace kaowu;
using testing::event;
using testing::feed;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) { return std::string(KAOWU_TESTS_DIR) + "/rules/fixtures/" + name; }

std::string errors(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics())
    if (d.severity == Severity::error)
      out += d.loc.file + ":" + std::to_string(d.loc.line) + ": " + d.message.en + "\n";
  return out;
}


size_t count_code(const DiagnosticSink& sink, DiagKind kind) {
  return static_cast<size_t>(std::count_if(sink.diagnostics().begin(), sink.diagnostics().end(),
                                           [&](const Diagnostic& d) { return d.kind == kind; }));
}

} // namespace

TEST_CASE("realistic calendars of every new shape pass the shipped rules with no error", "[format]") {
  // A mode-dependent exam fee plus a registration fee; a senior exam whose 120-minute sittings
  // are set by a calendar override; a region that opts out of the national payment window; a 预报名
  // that narrows 网上预报名.
  auto l = testing::load_shipped_with({fixture("pass_fees_1.toml"), fixture("pass_rule-override_1.toml")});
  INFO(errors(l->sink));
  CHECK_FALSE(l->sink.has_errors());
  auto m = testing::load_shipped_with({fixture("pass_opts-out_1.toml")});
  INFO(errors(m->sink));
  CHECK_FALSE(m->sink.has_errors());
  auto n = testing::load_shipped_with({fixture("pass_narrows_1.toml")});
  INFO(errors(n->sink));
  CHECK_FALSE(n->sink.has_errors());
}

TEST_CASE("fees are data and read as the notices write them", "[format][fees]") {
  auto l = testing::load_shipped_with({fixture("pass_fees_1.toml")});
  REQUIRE_FALSE(l->sink.has_errors());
  const ResolvedCalendar* rc = l->resolved.find("test-fees-2024");
  REQUIRE(rc);
  const std::vector<Fee>& fees = fees_of(*rc);
  REQUIRE(fees.size() == 3);
  CHECK(fee_text(fees[0]) == "55元/科（纸笔作答）");
  CHECK(fee_text(fees[1]) == "75元/科（人机对话）");
  CHECK(fee_text(fees[2]) == "10元/人");
  CHECK(fee_name(fees[0]) == "考试费");
  CHECK(fee_name(fees[2]) == "报名费");
  CHECK(fee_scope_text(fees[0], rc->catalogue) == "203 护理学");
  CHECK(fee_scope_text(fees[1], rc->catalogue) == "所有专业");
  CHECK(fee_scope_text(fees[2], rc->catalogue) == "所有考生");
  CHECK(fees[0].source.section == "五（一）");
  CHECK(fees[0].source.issuer == "测试省人事考试中心"); // the calendar's document, its own section

  // Beijing's fee, as its notice names it (报名费, per 科次); a site charges its region's fee.
  const ResolvedCalendar* fengtai = l->resolved.find("beijing-2024-fengtai");
  REQUIRE(fengtai);
  REQUIRE(fees_of(*fengtai).size() == 1);
  CHECK(fee_name(fees_of(*fengtai)[0]) + "：" + fee_text(fees_of(*fengtai)[0]) == "报名费：50元/科次");
  CHECK(fee_scope_text(fees_of(*fengtai)[0], fengtai->catalogue) == "所有专业");

  // The JSON feed carries them, as data and as text.
  auto feeds = build_feeds(l->resolved);
  SiteLayout links;
  auto j = json_feed::feed_json(feed(feeds, "test-fees-2024"), links);
  REQUIRE(j["fees"].size() == 3);
  CHECK(j["fees"][0]["mode"] == "paper");
  CHECK(j["fees"][0]["unit"] == "subject");
  CHECK(j["fees"][0]["specialties"][0] == "203");
  CHECK(j["fees"][0]["display"] == "55元/科（纸笔作答）");
  CHECK(j["fees"][2]["kind"] == "registration");
  CHECK(j["fees"][2]["unit"] == "person");
}

TEST_CASE("an older fee with only `per` still says its unit", "[format][fees]") {
  auto l = testing::load_texts({{"old.toml", R"(
[calendar]
id = "old"
level = "region"
title = "旧写法"
issuer = "某考区"
exam_year = 2024
track = "初中级"
[[fees]]
amount = 100
per = "科"
applies_to = "卫生高级专业技术资格考试"
[[fees]]
amount = 30
per = "人"
)"}});
  REQUIRE_FALSE(l->sink.has_errors());
  const auto& fees = l->project.calendars[0].fees;
  CHECK(fees[0].unit == FeeUnit::subject);
  CHECK(fee_text(fees[0]) == "100元/科");
  CHECK(fees[1].unit == FeeUnit::person);
  CHECK(fee_scope_text(fees[0], nullptr) == "卫生高级专业技术资格考试");
}

TEST_CASE("a calendar sets a rule's parameters for itself, with its reason", "[format][rules]") {
  auto l = testing::load_shipped_with({fixture("pass_rule-override_1.toml")});
  CHECK(count_code(l->sink, DiagKind::session_length) == 0);
  // Sittings have no subject; their event keys come from their place, not their names.
  auto feeds = build_feeds(l->resolved);
  const Feed& f = feed(feeds, "test-senior-2025");
  const FeedEvent* first = event(f, "exam/d1/cbt/sitting-1");
  REQUIRE(first);
  CHECK(first->subject.empty());
  // The batch names no specialties, so each day is only possible for a given candidate.
  CHECK(first->title == "（可能）第一场（人机对话）");
  CHECK(event(f, "exam/d2/cbt/sitting-2") != nullptr);

}

TEST_CASE("an override's note names the calendar and its reason", "[format][rules]") {
  const char* calendar = R"(
[calendar]
id = "senior"
level = "region"
title = "高级"
issuer = "某省"
exam_year = 2025
track = "高级"
[[rule_overrides]]
rule = "session-length"
cbt_minutes = 100
reason = "每场 100 分钟"
[exam]
days = [2025-07-05]
[[exam.sessions]]
mode = "cbt"
sitting = "第一场"
time = "08:30-10:30"
)";
  const char* rules = R"(
[[rules]]
id = "session-length"
kind = "session-length"
severity = "error"
cbt_minutes = 90
)";
  auto l = testing::load_texts({{"rules.toml", rules}, {"senior.toml", calendar}});
  REQUIRE(count_code(l->sink, DiagKind::session_length) == 1);
  for (const Diagnostic& d : l->sink.diagnostics()) {
    if (d.kind != DiagKind::session_length) continue;
    CHECK(d.message.en.find("120 minutes") != std::string::npos);
    CHECK(d.message.en.find("last 100 minutes") != std::string::npos);
    bool noted = std::any_of(d.notes.begin(), d.notes.end(), [](const Note& n) {
      return n.text.en.find("每场 100 分钟") != std::string::npos && n.loc.line == 9;
    });
    CHECK(noted);
  }
}

TEST_CASE("a rule's scope takes in calendars by track, level and exam year", "[format][rules]") {
  Calendar c;
  c.track = "高级";
  c.level = Level::region;
  c.exam_year = 2024;
  RuleScope s;
  CHECK(in_scope(s, c));
  s.tracks = {"初中级"};
  CHECK_FALSE(in_scope(s, c));
  s.tracks = {"高级"};
  s.levels = {"site"};
  CHECK_FALSE(in_scope(s, c));
  s.levels = {"region", "site"};
  s.from_year = 2025;
  CHECK_FALSE(in_scope(s, c));
  s.from_year = 2021;
  s.to_year = 2024;
  CHECK(in_scope(s, c));
}

TEST_CASE("a phase's kind is written, or derived from a well-known id", "[format][kinds]") {
  CHECK(derived_phase_kind("registration") == "registration");
  CHECK(derived_phase_kind("receipts") == "receipts");
  CHECK(derived_phase_kind("admission-card") == "admission-card");
  CHECK(derived_phase_kind("pre-registration") == "other");
  CHECK(derived_phase_kind("exam") == "other"); // only [exam] is the exam
  auto l = testing::load_shipped_with({fixture("pass_kinds_1.toml")});
  REQUIRE_FALSE(l->sink.has_errors());
  const ResolvedCalendar* rc = l->resolved.find("test-region-2021");
  REQUIRE(rc);
  // `receipts` is the province's invoice window: not a receipt, so after-the-exam leaves it be.
  CHECK(select(*rc, "receipts").empty());
  REQUIRE(select(*rc, "invoices").size() == 1);
  CHECK(select(*rc, "invoices")[0]->phase.id.value == "receipts");
  // One window, two kinds: it is both the military data hand-over and a payment.
  auto payments = select(*rc, "payment");
  CHECK(std::any_of(payments.begin(), payments.end(), [](const ResolvedPhase* p) { return p->phase.id.value == "military-data"; }));
  // The level doing a staff phase narrows a selection.
  CHECK(select(*rc, "audit").size() == 2); // the site's and the national one it inherits
  REQUIRE(select(*rc, "audit@site").size() == 1);
  CHECK(select(*rc, "audit@site")[0]->phase.id.value == "site-audit");
  CHECK(select(*rc, "exam").size() == 1);
  CHECK(select(*rc, "exam")[0]->is_exam);
}

TEST_CASE("narrows compares a phase with the parent's of another id and replaces it", "[format][narrows]") {
  auto l = testing::load_shipped_with({fixture("pass_narrows_1.toml")});
  REQUIRE_FALSE(l->sink.has_errors());
  const ResolvedCalendar* rc = l->resolved.find("test-region-2021");
  REQUIRE(rc);
  CHECK(rc->find("registration") == nullptr); // the national window is not published twice
  const ResolvedPhase* pre = rc->find("pre-registration");
  REQUIRE(pre);
  CHECK(pre->has_kind("registration")); // a phase that narrows registration is a registration
  CHECK(pre->defined_in == "test-region-2021");
}

TEST_CASE("opts_out with no dates drops the parent's phase; with dates it is a note", "[format][exceptions]") {
  auto l = testing::load_shipped_with({fixture("pass_opts-out_2.toml")});
  REQUIRE_FALSE(l->sink.has_errors());
  const ResolvedCalendar* rc = l->resolved.find("test-region-2021");
  REQUIRE(rc);
  CHECK(rc->find("payment") == nullptr);
  CHECK(l->resolved.find("national-2021")->find("payment") != nullptr);
  auto feeds = build_feeds(l->resolved);
  CHECK(event(feed(feeds, "test-region-2021"), "payment/deadline") == nullptr);

  auto m = testing::load_shipped_with({fixture("pass_opts-out_1.toml")});
  REQUIRE_FALSE(m->sink.has_errors());
  bool noted = false;
  for (const Diagnostic& d : m->sink.diagnostics())
    if (d.kind == DiagKind::widens_parent && d.loc.file.find("pass_opts-out_1") != std::string::npos) {
      CHECK(d.severity == Severity::note);
      noted = std::any_of(d.notes.begin(), d.notes.end(),
                          [](const Note& n) { return n.text.zh.find("不参加全国2月26日前的网上缴费") != std::string::npos; });
    }
  CHECK(noted);
}

TEST_CASE("unconfirmed dates are 待确认 on pages, TENTATIVE in iCalendar and flagged in JSON", "[format][unconfirmed]") {
  auto l = testing::load_shipped_with({fixture("pass_unconfirmed_1.toml")});
  REQUIRE_FALSE(l->sink.has_errors());
  const ResolvedCalendar* rc = l->resolved.find("test-region-2021");
  REQUIRE(rc);
  CHECK(zh_timing(*rc->find("receipts")) == "2021年5月10日－14日（待确认）");
  auto feeds = build_feeds(l->resolved);
  const Feed& f = feed(feeds, "test-region-2021");
  const FeedEvent* e = event(f, "receipts");
  REQUIRE(e);
  CHECK(e->unconfirmed == "据考生转发的通知截图，尚未见到正式文件");
  CHECK(e->title == "领取收据（待确认）");
  CHECK(e->description.find("待确认：据考生转发的通知截图") != std::string::npos);
  std::string ics = feed_to_ical(f, {});
  size_t at = ics.find("UID:test-region-2021/receipts@kaowu");
  REQUIRE(at != std::string::npos);
  size_t end = ics.find("END:VEVENT", at);
  CHECK(ics.substr(at, end - at).find("STATUS:TENTATIVE") != std::string::npos);
  SiteLayout links;
  auto j = json_feed::feed_json(f, links);
  bool flagged = false;
  for (const auto& item : j["items"])
    if (item["id"] == "test-region-2021/receipts") flagged = item["unconfirmed"] == "据考生转发的通知截图，尚未见到正式文件";
  CHECK(flagged);
  // Confirmed dates say nothing of it.
  for (const auto& item : j["items"])
    if (item["id"] == "test-region-2021/admission-card") CHECK(item["unconfirmed"].is_null());
  // The shipped handbook's 2019 payment window, seen only on a Beijing screenshot, is unconfirmed.
  CHECK(zh_timing(*l->resolved.find("national-2019")->find("payment")).find("（待确认）") != std::string::npos);
}

TEST_CASE("slot ids come from the written id, or the date and the place that day, never the text", "[format][ids]") {
  auto l = testing::load_shipped_with({fixture("pass_slot-ids_1.toml")});
  REQUIRE_FALSE(l->sink.has_errors());
  auto feeds = build_feeds(l->resolved);
  const Feed& f = feed(feeds, "test-site-2024");
  CHECK(event(f, "confirmation/slot-d20231211") != nullptr);
  CHECK(event(f, "confirmation/slot-d20231211-2") != nullptr);
  const FeedEvent* late = event(f, "confirmation/slot-late-units");
  REQUIRE(late);
  CHECK(late->unconfirmed == "具体日期以考点电话通知为准");
  // Fengtai's slots: one a day, keyed by their dates.
  const Feed& fengtai = feed(feeds, "beijing-2024-fengtai");
  CHECK(event(fengtai, "confirmation/slot-d20231213") != nullptr);
}

TEST_CASE("an exam day's key is its place in its batch, or in the exam days without batches", "[format][ids]") {
  const char* days_only = R"(
[calendar]
id = "exam-days"
level = "national"
title = "考试"
issuer = "某中心"
exam_year = 2024
track = "初中级"
[exam]
days = [2024-04-13, 2024-04-14, 2024-04-20, 2024-04-21]
)";
  std::string with_batches = std::string(days_only) + R"(
[[exam.batches]]
id = "cbt-2"
mode = "cbt"
days = [2024-04-20, 2024-04-21]
)";
  auto a = testing::load_texts({{"a.toml", days_only}});
  auto b = testing::load_texts({{"b.toml", with_batches}});
  REQUIRE_FALSE(a->sink.has_errors());
  REQUIRE_FALSE(b->sink.has_errors());
  auto fa = build_feeds(a->resolved);
  auto fb = build_feeds(b->resolved);
  CHECK(event(feed(fa, "exam-days"), "exam/d3") != nullptr);
  CHECK(event(feed(fb, "exam-days"), "exam/d1/cbt-2") != nullptr);
  CHECK(event(feed(fb, "exam-days"), "exam/d2/cbt-2") != nullptr);
}

TEST_CASE("a year without a holidays file gets one warning per calendar, naming the rules", "[format][holidays]") {
  auto l = testing::load_shipped_with({std::string(KAOWU_TESTS_DIR) + "/rules/fixtures/fail_no-holidays-file_1.toml"});
  std::vector<const Diagnostic*> gaps;
  for (const Diagnostic& d : l->sink.diagnostics())
    if (d.kind == DiagKind::no_holidays_file) gaps.push_back(&d);
  REQUIRE(gaps.size() == 1);
  CHECK(gaps[0]->message.en.find("2019") != std::string::npos);
  CHECK(gaps[0]->message.en.find("'exam-on-rest-days'") != std::string::npos);
  CHECK(gaps[0]->message.en.find("'holiday-closed-windows-open'") != std::string::npos);
  CHECK(gaps[0]->severity == Severity::warning);
  // The shipped calendars need none: every year they judge has a holidays file.
  auto s = testing::load_shipped();
  CHECK(count_code(s->sink, DiagKind::no_holidays_file) == 0);
}

TEST_CASE("a source cites the calendar's document with its own section", "[format][sources]") {
  auto l = testing::load_shipped();
  const ResolvedCalendar* rc = l->resolved.find("national-2021");
  REQUIRE(rc);
  const Source& s = rc->find("payment")->phase.source;
  CHECK(s.number == "卫人才发〔2020〕153号");
  CHECK(s.issuer == "国家卫生健康委人才交流服务中心");
  REQUIRE(s.date);
  CHECK(s.date->iso() == "2020-12-22");
  CHECK(s.section == "附件2; 一（四）");
  CHECK(s.document == "卫人才发〔2020〕153号");
  auto feeds = build_feeds(l->resolved);
  const FeedEvent* e = event(feed(feeds, "national-2021"), "payment");
  REQUIRE(e);
  // The title already names the issuer, so it is not said twice.
  CHECK(e->description.find("来源：《国家卫生健康委人才交流服务中心关于2021年度卫生专业技术资格考试考务工作安排的通知》（卫人才发〔2020〕153号，2020年12月22日），附件2; 一（四）") !=
        std::string::npos);
}

TEST_CASE("the shipped calendars and docs cite public documents, never files outside the repository", "[format][sources]") {
  // The development notes' file names; none may be cited or pointed to.
  const std::vector<std::string> outside = {"../shared", "shared/DOMAIN", "seeds/", "national-2021-work-plan",
                                            "heilongjiang-2022-notice", "beijing-fengtai-2024-notice",
                                            "zhejiang-2024-senior-notice", "attending-exam-handbook", "DOMAIN.md"};
  std::vector<fs::path> files = {fs::path(KAOWU_SOURCE_DIR) / "README.md"};
  for (const char* dir : {"calendars", "docs"})
    for (const auto& e : fs::recursive_directory_iterator(fs::path(KAOWU_SOURCE_DIR) / dir))
      if (e.path().extension() == ".toml" || e.path().extension() == ".md") files.push_back(e.path());
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const std::string& name : outside) {
      INFO(p.string() << " mentions " << name);
      CHECK(text.find(name) == std::string::npos);
    }
  }
  // Every source names its document by what identifies it.
  auto l = testing::load_shipped();
  auto check_source = [](const Source& s, const std::string& where) {
    INFO(where);
    CHECK((!s.title.empty() || !s.number.empty()));
  };
  for (const Calendar& c : l->project.calendars) {
    check_source(c.source, c.id.value);
    for (const Phase& p : c.phases) check_source(p.source, c.id.value + "/" + p.id.value);
    for (const Fee& f : c.fees) check_source(f.source, c.id.value + " fee");
  }
  for (const Catalogue& c : l->project.catalogues) check_source(c.source, c.id.value);
  for (const HolidayYear& h : l->project.holidays) check_source(h.source, std::to_string(h.year));
}

TEST_CASE("a revision record of one end of a window keeps the other end as it is now", "[format][revisions]") {
  auto l = testing::load_shipped_with({std::string(KAOWU_TESTS_DIR) + "/revise/fixtures/pass_revision-one-end_1.toml"});
  REQUIRE_FALSE(l->sink.has_errors());
  const ResolvedCalendar* rc = l->resolved.find("fx-rev-one-key");
  REQUIRE(rc);
  REQUIRE(rc->history);
  REQUIRE(rc->history->views.size() == 1);
  const ResolvedCalendar& then = rc->history->views[0].resolved;
  const ResolvedPhase* payment = then.find("payment");
  REQUIRE(payment);
  CHECK(payment->first->iso() == "2024-01-29"); // unchanged, not repeated in the record
  CHECK(payment->last->iso() == "2024-02-06");
  const ResolvedPhase* registration = then.find("registration");
  REQUIRE(registration);
  CHECK(registration->first->iso() == "2023-12-01");
  CHECK(registration->last->iso() == "2023-12-14");
}

namespace {
// A national calendar with one payment window and a region narrowing it: the two calendars the
// marks tests below vary. `phase` is the region's payment phase after its id, name and audience.
std::pair<std::string, std::string> national_and_region(const std::string& national_extra, const std::string& region_id,
                                                        const std::string& phase) {
  std::string national = R"(
[calendar]
id = "n-2024"
level = "national"
title = "全国"
issuer = "全国中心"
exam_year = 2024
track = "初中级"
source = { title = "全国考试通知" }
[[phases]]
id = "payment"
name = "网上缴费"
audience = "candidate"
start = 2024-01-29
end = 2024-02-08
)" + national_extra;
  std::string region = R"(
[calendar]
id = ")" + region_id + R"("
level = "region"
title = "考区"
issuer = "考区中心"
exam_year = 2024
track = "初中级"
parent = "n-2024"
source = { title = "考区通知" }
[[phases]]
id = "payment"
name = "网上缴费"
audience = "candidate"
)" + phase;
  return {national, region};
}
} // namespace

TEST_CASE("a child that narrows an unconfirmed date citing the parent's document keeps it unconfirmed", "[format][unconfirmed]") {
  auto [national, copied] = national_and_region("unconfirmed = \"据截图\"\n", "r-copied",
                                                "start = 2024-01-29\nend = 2024-02-06\nsource = { title = \"全国考试通知\" }\n");
  auto own = national_and_region("", "r-own", "start = 2024-01-29\nend = 2024-02-06\n").second;
  auto l = testing::load_texts({{"n.toml", national}, {"a.toml", copied}, {"b.toml", own}});
  REQUIRE_FALSE(l->sink.has_errors());
  const ResolvedPhase* kept = l->resolved.find("r-copied")->find("payment");
  REQUIRE(kept);
  CHECK(kept->phase.unconfirmed.value == "据截图");
  const ResolvedPhase* confirmed = l->resolved.find("r-own")->find("payment");
  REQUIRE(confirmed);
  CHECK(confirmed->phase.unconfirmed.empty());
}

TEST_CASE("a phase the region opts out of reaches the page, the feeds and the JSON with its reason", "[format][opts_out]") {
  auto [national, region] = national_and_region("", "r-2024", "opts_out = \"本考区考试费在现场确认时缴纳\"\n");
  auto l = testing::load_texts({{"n.toml", national}, {"r.toml", region}});
  REQUIRE_FALSE(l->sink.has_errors());
  const Feed& f = feed(l->bound.feeds, "r-2024");
  CHECK(event(f, "payment") == nullptr); // no dated event
  std::string json = json_feed::feed_json_text(f, l->bound.layout, JsonStyle::minified);
  CHECK(json.find(R"("opts_out":[{"phase":"payment","name":"网上缴费","reason":"本考区考试费在现场确认时缴纳","calendar":"r-2024"}])") !=
        std::string::npos);
  std::string ics = feed_to_ical(f, IcalOptions{l->bound.layout, std::nullopt});
  for (size_t at = ics.find("\r\n "); at != std::string::npos; at = ics.find("\r\n ", at)) ics.erase(at, 3); // unfold
  CHECK(ics.find("X-WR-CALDESC:考区中心，由 kaowu 生成。网上缴费：本地不实行（本考区考试费在现场确认时缴纳）") != std::string::npos);
  DiagnosticSink sink;
  std::string page;
  for (Artifact& a : render_site(l->bound, sink))
    if (a.path == "calendars/r-2024/index.html") page = a.bytes;
  CHECK(page.find("网上缴费：本地不实行。本考区考试费在现场确认时缴纳") != std::string::npos);
}
