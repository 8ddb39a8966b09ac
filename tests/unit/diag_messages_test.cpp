// Every diagnostic kind, rendered with sample arguments in both languages, leaves no {N} in its
// message or its hint: a user never reads a raw placeholder (KW0222's hint once printed `{0}`).
#include <catch2/catch.hpp>

#include <sstream>

#include "diag/diagnostic.hpp"
#include "diag/printer.hpp"
#include "diag/sink.hpp"
#include "diag/source_map.hpp"

using namespace kaowu;

namespace {
// A positional argument left unfilled: {0} … {9}.
bool has_placeholder(const std::string& text) {
  for (size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 1] >= '0' && text[i + 1] <= '9' && text[i + 2] == '}') return true;
  return false;
}

std::vector<std::string> sample_args(const char* lang) {
  std::vector<std::string> args;
  for (int i = 0; i < 10; ++i) args.push_back(std::string(lang) + "-arg" + std::to_string(i));
  return args;
}
} // namespace

TEST_CASE("every kind's message and hint are filled in both languages", "[diag]") {
  for (const KindInfo& k : all_kinds()) {
    INFO(code_string(k.code) << " " << k.slug);
    DiagnosticSink sink;
    Diagnostic& d = sink.report_localized(k.kind, Location{"x.toml", 1, 1, 1}, sample_args("en"), sample_args("zh"));
    std::string hint_en = d.help ? d.help->en : std::string(k.hint_en);
    std::string hint_zh = d.help ? d.help->zh : std::string(k.hint_zh);
    CHECK_FALSE(has_placeholder(d.message.en));
    CHECK_FALSE(has_placeholder(d.message.zh));
    CHECK_FALSE(has_placeholder(hint_en));
    CHECK_FALSE(has_placeholder(hint_zh));
    // Each language's text takes that language's arguments.
    CHECK(hint_zh.find("en-arg") == std::string::npos);
    CHECK(d.message.zh.find("en-arg") == std::string::npos);
    // As printed, too: nothing the printers add brings one back.
    for (Lang lang : {Lang::en, Lang::zh}) {
      std::ostringstream out;
      SourceMap sources;
      print_text(out, sink, sources, lang, false);
      CHECK_FALSE(has_placeholder(out.str()));
    }
  }
}

TEST_CASE("KW0222's hint names the year's holidays file", "[diag]") {
  DiagnosticSink sink;
  Diagnostic& d = sink.report(DiagKind::no_holidays_file, Location{"x.toml", 1, 1, 1}, {"2019", "'exam-rest-days'", "x"});
  REQUIRE(d.help);
  CHECK(d.help->en.find("calendars/holidays/2019.toml") != std::string::npos);
  CHECK(d.help->zh.find("calendars/holidays/2019.toml") != std::string::npos);
}
