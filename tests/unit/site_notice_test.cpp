// Notices: front matter, body position, Markdown rendering and placeholder binding.
#include <catch2/catch.hpp>

#include "load/loader.hpp"
#include "load/notice_loader.hpp"
#include "render/html/markdown.hpp"
#include "render/html/placeholders.hpp"
#include "render/html/qr_svg.hpp"
#include "resolve/resolver.hpp"

using namespace kaowu;

namespace {
// The shipped calendars, loaded and resolved once.
struct Shipped {
  SourceMap sources;
  DiagnosticSink sink;
  Project project;
  ResolvedProject resolved;
  Shipped() {
    project = load_project(std::string(KAOWU_SOURCE_DIR) + "/calendars", sink, sources);
    resolved = resolve(project, sink);
  }
};
Shipped& shipped() {
  static Shipped s;
  return s;
}
Notice notice_with_body(const std::string& body) {
  DiagnosticSink sink;
  auto n = parse_notice("+++\ntitle = \"t\"\ndate = 2024-01-01\n+++\n" + body, "n.md", "beijing-2024-fengtai", "n", sink);
  REQUIRE(n);
  return *n;
}
} // namespace

TEST_CASE("a notice's front matter is read and its body keeps its line numbers") {
  DiagnosticSink sink;
  auto n = parse_notice("+++\ntitle = \"通知\"\ndate = 2023-12-04\ndocument = \"京卫〔2023〕1号\"\n+++\n\n正文\n",
                        "notices/x/a.md", "x", "a", sink);
  REQUIRE(n);
  CHECK(sink.diagnostics().empty());
  CHECK(n->title.value == "通知");
  CHECK(n->date->date.iso() == "2023-12-04");
  CHECK(n->document == "京卫〔2023〕1号");
  CHECK(n->body_line == 6);
  CHECK(n->body == "\n正文\n");
}

TEST_CASE("bad front matter is reported at its line") {
  struct Case {
    std::string text;
    DiagKind kind;
    uint32_t line;
  };
  auto c = GENERATE(Case{"no fence\n", DiagKind::notice_front_matter, 1},
                    Case{"+++\ntitle = \"t\"\ndate = 2024-01-01\n", DiagKind::notice_front_matter, 1},
                    Case{"+++\ntitle = \"t\"\ndate = 2024-02-30\n+++\n", DiagKind::toml_syntax, 3},
                    Case{"+++\ntitle = \"t\"\ndate = 2024-01-01\ntitel = \"x\"\n+++\n", DiagKind::unknown_key, 4},
                    Case{"+++\ndate = 2024-01-01\n+++\n", DiagKind::missing_key, 1});
  DiagnosticSink sink;
  CHECK_FALSE(parse_notice(c.text, "n.md", "x", "n", sink));
  REQUIRE(sink.diagnostics().size() >= 1);
  CHECK(sink.diagnostics().front().kind == c.kind);
  CHECK(sink.diagnostics().front().loc.line == c.line);
}

TEST_CASE("placeholders take the calendar's values in the notices' own style") {
  const ResolvedCalendar* fengtai = shipped().resolved.find("beijing-2024-fengtai");
  REQUIRE(fengtai);
  auto values = placeholder_values(*fengtai);
  struct Case {
    const char* name;
    const char* value;
  };
  auto c = GENERATE(Case{"phase.registration", "2023年12月1日－14日"},
                    Case{"phase.confirmation.hours", "9∶00—11∶30、13∶30—16∶30"},
                    Case{"exam.cbt.days", "2024年4月13、14、20、21日"},
                    Case{"exam.paper.days", "2024年4月13、14日"},
                    Case{"exam.session.cbt.基础知识", "8∶30—10∶00"},
                    Case{"fee", "50元/科次"},
                    Case{"phase.payment", "2024年1月29日－2月8日"},
                    Case{"phase.results", "预计2024年6月21日（考后两个月内）"},
                    Case{"site.address", "北京市丰台区社区学院（丰台区望园东里23号）"},
                    Case{"parent.document", "京卫干人〔2023〕59号"});
  INFO(c.name);
  REQUIRE(values.count(c.name));
  REQUIRE(values.at(c.name));
  CHECK(*values.at(c.name) == c.value);
}

TEST_CASE("a to-be-announced phase binds to 待定, never a date") {
  const ResolvedCalendar* beijing = shipped().resolved.find("beijing-2024");
  REQUIRE(beijing);
  auto values = placeholder_values(*beijing);
  CHECK(values.at("phase.certificates")->rfind("待定", 0) == 0);
  CHECK_FALSE(values.at("phase.certificates.start"));
}

TEST_CASE("unknown placeholders and literal dates are located in the file") {
  const ResolvedCalendar* fengtai = shipped().resolved.find("beijing-2024-fengtai");
  Notice n = notice_with_body("第一行\n报名：{{ phase.registraton }}，缴费 2024年1月29日起。\n");
  DiagnosticSink sink;
  std::string md = bind_placeholders(n, *fengtai, sink);
  auto all = sink.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].kind == DiagKind::unknown_placeholder);
  CHECK(all[0].loc.line == 6);
  CHECK(all[0].loc.column == 4);
  REQUIRE(all[0].help);
  CHECK(all[0].help->en.find("phase.registration") != std::string::npos);
  CHECK(all[1].kind == DiagKind::literal_date);
  CHECK(all[1].severity == Severity::warning);
  CHECK(all[1].loc.column == 31);
  CHECK(all[1].message.en.find("2024年1月29日") != std::string::npos);
}

TEST_CASE("bound values are plain text in Markdown") {
  const ResolvedCalendar* fengtai = shipped().resolved.find("beijing-2024-fengtai");
  Notice n = notice_with_body("{{phase.registration}} {{phase.confirmation.slots}}");
  DiagnosticSink sink;
  std::string html = markdown_to_html(bind_placeholders(n, *fengtai, sink));
  CHECK(sink.diagnostics().empty());
  CHECK(html.find("2023年12月1日－14日") != std::string::npos);
  CHECK(html.find("<td>驻区医院</td>") != std::string::npos);
}

TEST_CASE("Markdown: GFM tables, autolinks and strikethrough, raw HTML omitted, headings from h2") {
  struct Case {
    const char* md;
    const char* contains;
  };
  auto c = GENERATE(Case{"| a | b |\n|---|---|\n| 1 | 2 |\n", "<td>1</td>"},
                    Case{"见 www.21wecan.com", "<a href=\"http://www.21wecan.com\">"},
                    Case{"~~取消~~", "<del>取消</del>"},
                    Case{"<script>alert(1)</script>", "<!-- raw HTML omitted -->"},
                    Case{"# 一\n\n## 二", "<h2>一</h2>\n<h3>二</h3>"},
                    Case{"## 一", "<h2>一</h2>"});
  std::string html = markdown_to_html(c.md);
  INFO(html);
  CHECK(html.find(c.contains) != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
}

TEST_CASE("QR codes are deterministic inline SVG with a label") {
  std::string a = qr_svg("https://example.org/kaowu/feeds/beijing-2024.ics", "订阅");
  CHECK(a == qr_svg("https://example.org/kaowu/feeds/beijing-2024.ics", "订阅"));
  CHECK(a.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(a.find("aria-label=\"订阅\"") != std::string::npos);
  CHECK(a.find("<path") != std::string::npos);
}
