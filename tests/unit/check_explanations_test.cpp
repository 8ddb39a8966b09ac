#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "check/rule_kind.hpp"
#include "diag/explanations.hpp"

using namespace kaowu;

TEST_CASE("every consistency code has a long explanation with examples", "[rules][explain]") {
  for (const KindInfo& k : all_kinds()) {
    if (k.code < 200 || k.code >= 300) continue;
    INFO(code_string(k.code) << " " << k.slug);
    const Explanation* e = explanation(k.kind);
    REQUIRE(e != nullptr);
    CHECK_FALSE(e->text_en.empty());
    CHECK_FALSE(e->text_zh.empty());
    CHECK_FALSE(e->wrong.empty());
    CHECK_FALSE(e->right.empty());
    CHECK(e->wrong != e->right);
  }
}

TEST_CASE("the embedded default rules are the shipped calendars/rules.toml", "[rules]") {
  std::ifstream in(std::string(KAOWU_SOURCE_DIR) + "/calendars/rules.toml", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  CHECK(text.str() == kDefaultRulesToml);
  DiagnosticSink sink;
  std::vector<RuleSpec> rules = default_rules(sink);
  CHECK(sink.diagnostics().empty());
  CHECK(rules.size() >= 12);
}

TEST_CASE("every rule kind is used by the shipped rules", "[rules]") {
  DiagnosticSink sink;
  std::vector<RuleSpec> rules = default_rules(sink);
  for (const RuleKind& kind : rule_kinds()) {
    INFO(kind.name);
    bool used = false;
    for (const RuleSpec& r : rules) used = used || r.kind == kind.name;
    CHECK(used);
  }
}
