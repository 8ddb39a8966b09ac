#include <catch2/catch.hpp>
#include <sstream>

#include "diag/printer.hpp"
#include "diag/suggest.hpp"
#include "load/reader.hpp"
#include "load/utf8.hpp"
#include "test_support.hpp"

using namespace kaowu;

TEST_CASE("time ranges are 24-hour clock ranges with the start first", "[load]") {
  auto [text, ok, start, end] = GENERATE(table<const char*, bool, int, int>({
      {"08:30-10:00", true, 510, 600}, {"9:00-11:30", true, 540, 690}, {"13:30 - 16:30", true, 810, 990},
      {"10:00-08:30", false, 0, 0}, {"24:00-25:00", false, 0, 0}, {"08:30", false, 0, 0},
      {"8点30-10点", false, 0, 0}, {"08:3-10:00", false, 0, 0}, {"", false, 0, 0}}));
  CAPTURE(text);
  auto r = parse_time_range(text);
  REQUIRE(r.has_value() == ok);
  if (ok) {
    CHECK(r->start_minute == start);
    CHECK(r->end_minute == end);
  }
}

TEST_CASE("ids are safe to use as file names and URLs", "[load]") {
  auto [id, ok] = GENERATE(table<const char*, bool>({
      {"beijing-2024-fengtai", true}, {"cbt-1", true}, {"a", true}, {"Beijing", false}, {"2024-beijing", false},
      {"../etc", false}, {"a/b", false}, {"con.", false}, {"trailing-", false}, {"", false}, {"丰台", false},
      {"a b", false}}));
  CAPTURE(id);
  CHECK(is_valid_id(id) == ok);
  CHECK_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST_CASE("invalid UTF-8 is found at its first bad byte", "[load]") {
  auto [text, offset] = GENERATE(table<std::string, long>({
      {"网上报名", -1}, {"abc\xcd\xf8", 3}, {"ok\xc0\xaf", 2} /* overlong */, {"\xed\xa0\x80", 0} /* surrogate */,
      {"\xf4\x90\x80\x80", 0} /* past U+10FFFF */, {"end\xe7\xbd", 3} /* truncated */}));
  auto bad = first_invalid_utf8(text);
  if (offset < 0) CHECK_FALSE(bad.has_value());
  else {
    REQUIRE(bad.has_value());
    CHECK(static_cast<long>(*bad) == offset);
  }
}

TEST_CASE("near misses get a suggestion, distant words none", "[load]") {
  std::vector<std::string> keys = {"start", "end", "deadline", "days", "after", "tba", "audience"};
  CHECK(closest_match("strat", keys) == std::optional<std::string>("start"));
  CHECK(closest_match("deadlin", keys) == std::optional<std::string>("deadline"));
  CHECK(closest_match("audiance", keys) == std::optional<std::string>("audience"));
  CHECK_FALSE(closest_match("registration", keys).has_value());
}

TEST_CASE("carets line up under Chinese text", "[diag]") {
  CHECK(display_width("name = \"网上报名\"") == 17);
  CHECK(byte_offset_of_column("名 = 1", 3) == 4);
  auto l = testing::load_texts({{"x.toml", "[calendar]\nid = \"x\"\nlevel = \"region\"\ntitle = \"考区\"\n"
                                           "issuer = \"考区\"\nexam_year = 2024\ntrack = \"初中级\"\n\n"
                                           "[[phases]]\nid = \"p\"\nname = \"网上报名\" ; audience = \"x\"\n"}});
  std::ostringstream out;
  print_text(out, l->sink, l->sources, Lang::en, false);
  INFO(out.str());
  CHECK(out.str().find("x.toml:11:") != std::string::npos);
}

TEST_CASE("every diagnostic reports a location and both languages", "[diag]") {
  auto l = testing::load_texts({{"bad.toml", "[calendar]\nid = \"Bad Id\"\nlevel = \"nation\"\nextra = 1\n"}});
  REQUIRE(l->sink.has_errors());
  for (const Diagnostic& d : l->sink.diagnostics()) {
    CAPTURE(d.message.en);
    CHECK(d.loc.file == "bad.toml");
    CHECK(d.loc.line > 0);
    CHECK(d.loc.column > 0);
    CHECK_FALSE(d.message.en.empty());
    CHECK_FALSE(d.message.zh.empty());
    CHECK(d.message.zh != d.message.en);
  }
}

TEST_CASE("a site inherits its region's phases and keeps its own", "[resolve]") {
  auto l = testing::load_shipped();
  const ResolvedCalendar* site = l->resolved.find("beijing-2024-fengtai");
  REQUIRE(site);
  REQUIRE(site->ancestors.size() == 1);
  CHECK(site->ancestors[0]->id.value == "beijing-2024");
  CHECK(site->find("confirmation")->defined_in == "beijing-2024-fengtai");
  CHECK(site->find("payment")->defined_in == "beijing-2024");
  const ResolvedCalendar* region = l->resolved.find("beijing-2024");
  CHECK(region->site_calendars == std::vector<std::string>{"beijing-2024-fengtai"});
  // Phases come in date order; what is not yet published comes last.
  std::optional<Date> previous;
  bool open_seen = false;
  for (const ResolvedPhase& p : site->phases) {
    auto key = p.first ? p.first : p.last;
    if (!key) {
      open_seen = true;
      continue;
    }
    CHECK_FALSE(open_seen);
    if (previous) CHECK(*previous <= *key);
    previous = key;
  }
}
