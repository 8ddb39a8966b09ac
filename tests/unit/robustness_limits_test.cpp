#include <catch2/catch.hpp>

#include <string>

#include "load/input_limits.hpp"
#include "load/reader.hpp"

using namespace kaowu;

TEST_CASE("ids that would reach for paths or reserved names are rejected", "[robustness]") {
  auto [id, ok] = GENERATE(table<const char*, bool>({
      {"beijing-2024", true}, {"registration", true}, {"console", true}, {"com10", true}, {"lpt0", true},
      {"../etc", false}, {"/etc/passwd", false}, {"a/b", false}, {"a\\b", false}, {".hidden", false},
      {"con", false}, {"prn", false}, {"aux", false}, {"nul", false}, {"com1", false}, {"lpt9", false},
      {"", false}, {"Beijing", false}, {"a-", false}, {"1a", false}}));
  CAPTURE(id);
  CHECK(is_valid_id(id) == ok);
}

TEST_CASE("only absolute http(s) addresses are published as links", "[robustness]") {
  auto [url, ok] = GENERATE(table<const char*, bool>({
      {"https://www.21wecan.com/", true}, {"http://www.21wecan.com/", true},
      {"HTTPS://example.gov.cn/a?b=1&c=2", true}, {"javascript:alert(1)", false},
      {" javascript:alert(1)", false}, {"JAVASCRIPT:alert(1)", false}, {"data:text/html,x", false},
      {"vbscript:x", false}, {"//example.org/", false}, {"../admin", false}, {"https://", false},
      {"https:///etc/passwd", false}, {"https://a.cn/ b", false}, {"https://a.cn/\"x", false},
      {"https://a.cn/<x>", false}, {"https://a.cn/\nx", false}}));
  CAPTURE(url);
  CHECK(!url_problem(url).has_value() == ok);
}

TEST_CASE("characters that cannot be published are found: controls and XML's non-characters", "[robustness]") {
  auto at = [](std::string_view text) {
    auto f = first_forbidden_character(text);
    return f ? static_cast<long>(f->offset) : -1L;
  };
  CHECK(at("网上报名\t\r\n考试（）·—") == -1);
  CHECK(at(std::string("a\0b", 3)) == 1);
  CHECK(at("\x1b[2J") == 0);
  CHECK(at("ab\x7f") == 2);
  CHECK(at("a\xC2\x85" "b") == 1);          // U+0085, a C1 control
  CHECK(at("ab\xEF\xBF\xBF") == 2);       // U+FFFF
  CHECK(at("\xEF\xBF\xBE") == 0);         // U+FFFE
  CHECK(at("\xEF\xBF\xBD\xC2\xA0") == -1); // U+FFFD and a no-break space are text
  CHECK(first_forbidden_character("ab\xEF\xBF\xBF")->name == "U+FFFF");
}

TEST_CASE("dotted keys deeper than the limit are reported before parsing", "[robustness]") {
  auto depth = [](size_t segments, const char* open, const char* close) {
    std::string key = "a";
    for (size_t i = 1; i < segments; ++i) key += ".a";
    return std::string(open) + key + close;
  };
  auto [text, ok] = GENERATE_COPY(table<std::string, bool>({
      {depth(kMaxKeyDepth, "", " = 1\n"), true},
      {depth(kMaxKeyDepth + 1, "", " = 1\n"), false},
      {depth(kMaxKeyDepth + 1, "[", "]\n"), false},
      {depth(kMaxKeyDepth + 1, "[[", "]]\n"), false},
      {depth(kMaxKeyDepth + 1, "x = { ", " = 1 }\n"), false},
      {"note = \"" + std::string(1000, '.') + "\"\n", true}, // dots inside a string
      {"# " + std::string(1000, '.') + "\nx = 1.5\n", true},  // dots in a comment, a float
      {"t = 08:30:00.125\nd = 2024-04-13\n", true}}));
  DiagnosticSink sink;
  CHECK(within_input_limits(text, "x.toml", sink) == ok);
  CHECK(sink.has_errors() == !ok);
}

TEST_CASE("files over the size limit are not parsed", "[robustness]") {
  DiagnosticSink sink;
  std::string big(kMaxFileBytes + 1, '#');
  CHECK_FALSE(within_input_limits(big, "big.toml", sink));
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].kind == DiagKind::file_too_large);
  CHECK(sink.diagnostics()[0].loc.line == 1);
}
