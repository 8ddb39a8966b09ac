// Notices: front matter, body position, Markdown rendering and placeholder binding.
#include <catch2/catch.hpp>

#include "bind/bound_notice.hpp"
#include "load/notice_loader.hpp"
#include "render/html/markdown.hpp"
#include "render/html/notice_html.hpp"
#include "render/html/qr_svg.hpp"
#include "test_support.hpp"

using namespace kaowu;

namespace {
// The shipped calendars, compiled once.
const testing::Loaded& shipped() {
  static auto s = testing::load_shipped();
  return *s;
}
// The text of a value, or "" for a table or a name without value.
std::string text_of(const PlaceholderTable& table, const std::string& name) {
  auto it = table.find(name);
  return it != table.end() && it->second ? it->second->text : "";
}
// Binds `body` as a notice of Fengtai and renders it.
struct Bound {
  Notice notice;
  PlaceholderTable table;
  DiagnosticSink sink;
  std::optional<BoundNotice> bound;
  std::string html() const { return bound ? notice_html(*bound) : ""; }
};
std::unique_ptr<Bound> bind_body(const std::string& body, const char* calendar = "beijing-2024-fengtai");
Notice notice_with_body(const std::string& body) {
  DiagnosticSink sink;
  auto n = parse_notice("+++\ntitle = \"t\"\ndate = 2024-01-01\n+++\n" + body, "n.md", "beijing-2024-fengtai", "n", sink);
  REQUIRE(n);
  return *n;
}
std::unique_ptr<Bound> bind_body(const std::string& body, const char* calendar) {
  auto b = std::make_unique<Bound>();
  b->notice = notice_with_body(body);
  const ResolvedCalendar* cal = shipped().resolved.find(calendar);
  REQUIRE(cal);
  b->table = placeholder_table(*cal);
  b->bound = bind_notice(b->notice, *cal, b->table, b->sink);
  return b;
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
  auto values = placeholder_table(*fengtai);
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
  CHECK(values.at(c.name)->text == c.value);
}

TEST_CASE("a to-be-announced phase binds to 待定, never a date") {
  const ResolvedCalendar* beijing = shipped().resolved.find("beijing-2024");
  REQUIRE(beijing);
  auto values = placeholder_table(*beijing);
  CHECK(text_of(values, "phase.certificates").rfind("待定", 0) == 0);
  CHECK_FALSE(values.at("phase.certificates.start"));
}

TEST_CASE("unknown placeholders and literal dates are located in the file") {
  auto b = bind_body("第一行\n报名：{{ phase.registraton }}，缴费 2024年1月29日起。\n");
  auto all = b->sink.sorted();
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

TEST_CASE("bound values render as text and tables") {
  auto b = bind_body("报名：{{phase.registration}}\n\n{{phase.confirmation.slots}}\n");
  CHECK(b->sink.diagnostics().empty());
  std::string html = b->html();
  CHECK(html.find("<p>报名：2023年12月1日－14日</p>") != std::string::npos);
  CHECK(html.find("<td>驻区医院</td>") != std::string::npos);
  CHECK(html.find("<p><table>") == std::string::npos); // the table replaced its paragraph
}

TEST_CASE("calendar text bound into a notice is text, never Markdown") {
  // The values a centre types into a calendar's note: each must show exactly as typed.
  Notice n = notice_with_body("{{phase.x.note}}\n");
  PlaceholderTable table;
  auto cases = GENERATE(as<std::string>{}, "www.example.org", "a@b.c", "---", "&amp;", "*强调*", "<b>x</b>",
                        "[链接](http://a.b)", "1. 第一", "# 标题", "`code`", "| a | b |");
  table["phase.x.note"] = PlaceholderValue{PlaceholderValue::Kind::text, cases, {}};
  DiagnosticSink sink;
  ResolvedCalendar cal = *shipped().resolved.find("beijing-2024-fengtai");
  auto bound = bind_notice(n, cal, table, sink);
  REQUIRE(bound);
  std::string html = notice_html(*bound);
  INFO(html);
  std::string escaped;
  for (char c : cases) escaped += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
  CHECK(html == "<p>" + escaped + "</p>\n");
}

TEST_CASE("a URL value is a link in text and the bare address inside a link") {
  auto b = bind_body("报名网址：{{phase.admission-card.url}}\n\n[报名]({{phase.admission-card.url}})\n\n[{{phase.admission-card.url}}](http://x.cn)\n");
  REQUIRE(b->bound);
  std::string html = b->html();
  INFO(html);
  CHECK(html.find("报名网址：<a href=\"http://www.21wecan.com/\">http://www.21wecan.com/</a>") != std::string::npos);
  CHECK(html.find("<a href=\"http://www.21wecan.com/\">报名</a>") != std::string::npos);
  CHECK(html.find("<a href=\"http://x.cn\">http://www.21wecan.com/</a>") != std::string::npos);
}

TEST_CASE("notice syntax mistakes are located errors") {
  struct Case {
    const char* body;
    DiagKind kind;
    uint32_t column;
  };
  auto c = GENERATE(Case{"报名：{{phase.registration\n", DiagKind::unterminated_placeholder, 4},
                    Case{"报名：{{phase.registration}\n", DiagKind::unterminated_placeholder, 4},
                    Case{"报名：{{{phase.registration}}}\n", DiagKind::notice_template_syntax, 4},
                    Case{"报名：{{#phase}}x{{/phase}}\n", DiagKind::notice_template_syntax, 4},
                    Case{"{{=<% %>=}}\n", DiagKind::notice_template_syntax, 1},
                    Case{"见{{phase.confirmation.slots}}\n", DiagKind::table_placeholder_inline, 2},
                    Case{"{{}}\n", DiagKind::unknown_placeholder, 1});
  auto b = bind_body(c.body);
  INFO(c.body);
  CHECK_FALSE(b->bound);
  REQUIRE(b->sink.error_count() >= 1);
  const Diagnostic& d = b->sink.diagnostics().front();
  CHECK(d.kind == c.kind);
  CHECK(d.loc.line == 5); // the body starts on line 5, after the front matter
  CHECK(d.loc.column == c.column);
}

TEST_CASE("a long unterminated placeholder is found in linear time, without recursion") {
  // std::regex overflowed the stack on this; the scanner walks it once.
  std::string body = "报名：{{phase.registration " + std::string(200000, 'x') + "\n";
  auto b = bind_body(body);
  CHECK_FALSE(b->bound);
  CHECK(b->sink.diagnostics().front().kind == DiagKind::unterminated_placeholder);
}

TEST_CASE("a literal date names the placeholder whose value it is, or says no value is that day") {
  auto b = bind_body("缴费2024年1月29日至2月8日，考试4月13日，另3月3日。\n");
  std::vector<std::string> help;
  for (const Diagnostic& d : b->sink.diagnostics()) {
    REQUIRE(d.kind == DiagKind::literal_date);
    REQUIRE(d.help);
    help.push_back(d.help->en);
  }
  REQUIRE(help.size() == 4);
  CHECK(help[0].rfind("write {{phase.payment.start}} instead", 0) == 0);
  CHECK(help[1].rfind("write {{phase.payment.end}} instead", 0) == 0);
  CHECK(help[2].rfind("write {{exam.first}}", 0) == 0);
  CHECK(help[3].rfind("no value of calendar 'beijing-2024-fengtai' is this day", 0) == 0);
}

TEST_CASE("many literal dates on one line are located in one pass") {
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "4月13日，";
  auto b = bind_body(body + "\n");
  CHECK(b->sink.warning_count() == 20000);
  CHECK(b->sink.diagnostics().back().loc.column == 1 + 19999 * 6);
}

TEST_CASE("URLs in notices end where the address ends") {
  struct Case {
    const char* md;
    const char* contains;
  };
  auto c = GENERATE(Case{"见 www.21wecan.com（中国卫生人才网）", "<a href=\"http://www.21wecan.com\">www.21wecan.com</a>（中国卫生人才网）"},
                    Case{"网址 http://www.21wecan.com。", "<a href=\"http://www.21wecan.com\">http://www.21wecan.com</a>。"},
                    Case{"登录www.a.cn报名", "<a href=\"http://www.a.cn\">www.a.cn</a>报名"},
                    Case{"(see https://a.cn/x_(y))", "<a href=\"https://a.cn/x_(y)\">https://a.cn/x_(y)</a>)"},
                    Case{"https://a.cn/p?q=1, then", "<a href=\"https://a.cn/p?q=1\">https://a.cn/p?q=1</a>, then"},
                    Case{"[已是链接 www.a.cn](https://b.cn)", "<a href=\"https://b.cn\">已是链接 www.a.cn</a>"},
                    Case{"`www.a.cn`", "<code>www.a.cn</code>"},
                    Case{"xwww.a.cn", "<p>xwww.a.cn</p>"});
  std::string html = markdown_to_html(c.md);
  INFO(html);
  CHECK(html.find(c.contains) != std::string::npos);
}

TEST_CASE("Markdown: GFM tables, autolinks and strikethrough, raw HTML omitted, headings from h2") {
  struct Case {
    const char* md;
    const char* contains;
  };
  auto c = GENERATE(Case{"| a | b |\n|---|---|\n| 1 | 2 |\n", "<td>1</td>"},
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
