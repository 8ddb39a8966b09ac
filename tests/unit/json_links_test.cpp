#include <catch2/catch.hpp>

#include "layout/site_layout.hpp"

using namespace kaowu;

TEST_CASE("base URLs: absolute http(s) only, trailing slashes dropped", "[json]") {
  auto [given, expected] = GENERATE(table<std::string, std::string>({
      {"https://example.gov.cn/kaowu", "https://example.gov.cn/kaowu"},
      {"https://example.gov.cn/kaowu/", "https://example.gov.cn/kaowu"},
      {"http://127.0.0.1:8080//", "http://127.0.0.1:8080"},
      {"HTTPS://Example.org/%E8%80%83", "HTTPS://Example.org/%E8%80%83"},
      {"example.org/kaowu", ""},            // no scheme
      {"ftp://example.org", ""},            // not the web
      {"https://", ""},                     // no host
      {"https:///kaowu", ""},               // no host
      {"https://example.org/a b", ""},      // space
      {"https://example.org/?x=1", ""},     // a query would swallow the appended paths
      {"https://example.org/#top", ""},     // so would a fragment
      {"https://例子.中国/kaowu", ""},      // non-ASCII must be escaped
  }));
  CAPTURE(given);
  auto got = normalize_base_url(given);
  if (expected.empty()) {
    CHECK_FALSE(got.has_value());
  } else {
    REQUIRE(got.has_value());
    CHECK(*got == expected);
  }
}

TEST_CASE("links are relative to the document that holds them, or absolute with a base URL", "[json]") {
  auto [base, from, target, expected] = GENERATE(table<std::string, std::string, std::string, std::string>({
      {"", "index.json", "feeds/beijing-2024.json", "feeds/beijing-2024.json"},
      {"", "feeds/beijing-2024.json", "schema/kaowu-feed-v1.schema.json", "../schema/kaowu-feed-v1.schema.json"},
      {"", "feeds/zhejiang-2024-senior/hangzhou.json", "calendars/zhejiang-2024-senior/sites/hangzhou.html",
       "../../calendars/zhejiang-2024-senior/sites/hangzhou.html"},
      {"https://example.org/kaowu", "feeds/zhejiang-2024-senior/hangzhou.json", "index.json",
       "https://example.org/kaowu/index.json"},
  }));
  CHECK((base.empty() ? SiteLayout() : SiteLayout(base)).link(from, target) == expected);
}
