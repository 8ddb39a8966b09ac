// The readers of `kaowu import` on text they are given in memory: encodings, line breaks,
// Markdown, format detection, and the located diagnostics of bytes no encoding reads.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "import/document_text.hpp"

using namespace kaowu;
using namespace kaowu::import;

namespace {

std::vector<std::string> texts(const DocumentText& doc) {
  std::vector<std::string> out;
  for (const auto& l : doc.lines) out.push_back(l.text);
  return out;
}

std::vector<int> numbers(const DocumentText& doc) {
  std::vector<int> out;
  for (const auto& l : doc.lines) out.push_back(l.number);
  return out;
}

const Diagnostic& only(const DiagnosticSink& sink) {
  REQUIRE(sink.diagnostics().size() == 1);
  return sink.diagnostics().front();
}

} // namespace

TEST_CASE("UTF-8 text reads as its lines, numbered as in the file", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("notice.txt", "\xEF\xBB\xBF关于报名的通知\r\n\r\n  网上报名：2021年12月20日－12月30日  \r\n末行", sink);
  REQUIRE(doc);
  CHECK(sink.diagnostics().empty());
  CHECK(doc->format == DocumentFormat::text);
  CHECK(doc->encoding == "UTF-8");
  CHECK(texts(*doc) == std::vector<std::string>{"关于报名的通知", "网上报名：2021年12月20日－12月30日", "末行"});
  CHECK(numbers(*doc) == std::vector<int>{1, 3, 4});
  CHECK(doc->lines[0].page == 0);
}

TEST_CASE("a lone CR ends a line, a form feed does not start a new file line", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("n.txt", "一\r二\n\f三\n", sink);
  REQUIRE(doc);
  CHECK(texts(*doc) == std::vector<std::string>{"一", "二", "三"});
  CHECK(numbers(*doc) == std::vector<int>{1, 2, 3});
}

TEST_CASE("full-width spaces indenting a paragraph are trimmed, inner ones kept", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("n.txt", "\xE3\x80\x80\xE3\x80\x80考试时间：4月13日\xE3\x80\x80上午", sink);
  REQUIRE(doc);
  CHECK(texts(*doc) == std::vector<std::string>{"考试时间：4月13日\xE3\x80\x80上午"});
}

TEST_CASE("text copied from a table (cells separated by tabs) becomes a row", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("n.txt", "工作时间\t工作内容\n2021年12月20日—12月30日\t\t网上报名\n", sink);
  REQUIRE(doc);
  CHECK(texts(*doc) == std::vector<std::string>{"工作时间 | 工作内容", "2021年12月20日—12月30日 | 网上报名"});
}

TEST_CASE("Markdown reads as its text, a table's rows as rows", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("notice.md",
                           "# 关于报名的通知 #\n\n> **网上报名**：12月20日\n\n| 工作时间 | 工作内容 |\n|:---|---|\n"
                           "| 12月20日－30日 | 网上报名 |\n| 1月 | a \\| b |\n之后\n\n- 缴费\n",
                           sink);
  REQUIRE(doc);
  CHECK(doc->format == DocumentFormat::markdown);
  CHECK(texts(*doc) == std::vector<std::string>{"关于报名的通知", "网上报名：12月20日", "工作时间 | 工作内容",
                                                "12月20日－30日 | 网上报名", "1月 | a | b", "之后", "缴费"});
  CHECK(numbers(*doc) == std::vector<int>{1, 3, 5, 7, 8, 9, 11});
}

TEST_CASE("GBK text is read as GB18030", "[import-readers]") {
  // 报名时间 in GBK, then a line with a four-byte GB18030 character (U+20000, 𠀀).
  DiagnosticSink sink;
  auto doc = read_document("gbk.txt", "\xB1\xA8\xC3\xFB\xCA\xB1\xBC\xE4\r\n\x95\x32\x82\x36", sink);
  REQUIRE(doc);
  CHECK(sink.diagnostics().empty());
  CHECK(doc->encoding == "GB18030");
  CHECK(texts(*doc) == std::vector<std::string>{"报名时间", "\xF0\xA0\x80\x80"});
}

TEST_CASE("UTF-16 with a byte-order mark (Notepad's Unicode) is read", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("u16.txt", std::string("\xFF\xFE\xA5\x62\x0D\x54\n\0", 8), sink);
  REQUIRE(doc);
  CHECK(doc->encoding == "UTF-16LE");
  CHECK(texts(*doc) == std::vector<std::string>{"报名"});
}

TEST_CASE("UTF-8 damaged by a byte is reported there, not read as GBK", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("bad.txt", "关于报名的通知\n网上报名时间为\xFF十二月", sink);
  CHECK_FALSE(doc);
  const Diagnostic& d = only(sink);
  CHECK(d.kind == DiagKind::import_damaged_utf8);
  CHECK(d.loc.file == "bad.txt");
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 8);
  CHECK(d.message.en.find("0xFF") != std::string::npos);
  CHECK(d.message.zh.find("0xFF") != std::string::npos);
}

TEST_CASE("bytes neither UTF-8 nor GB18030 are reported at their line and column", "[import-readers]") {
  DiagnosticSink sink;
  // 报名 in GBK, a line break, 时间 in GBK, then 0xFF (no GB18030 byte sequence starts with it).
  auto doc = read_document("bad.txt", "\xB1\xA8\xC3\xFB\n\xCA\xB1\xBC\xE4\xFF", sink);
  CHECK_FALSE(doc);
  const Diagnostic& d = only(sink);
  CHECK(d.kind == DiagKind::import_not_text);
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 3);
}

TEST_CASE("a file with nothing to read is said to be empty", "[import-readers]") {
  DiagnosticSink sink;
  CHECK_FALSE(read_document("empty.txt", " \r\n\xE3\x80\x80\n", sink));
  CHECK(only(sink).kind == DiagKind::import_no_text);
  CHECK(only(sink).loc.file == "empty.txt");
}

TEST_CASE("formats kaowu does not read are named", "[import-readers]") {
  auto [path, bytes] = GENERATE(table<std::string, std::string>({
      {"a.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)},
      {"scan.png", "\x89PNG\r\n\x1a\n"},
      {"x.ofd", "<ofd/>"},
      {"x.bin", std::string("ab\0cd", 5)},
  }));
  CAPTURE(path);
  DiagnosticSink sink;
  CHECK_FALSE(read_document(path, bytes, sink));
  CHECK(only(sink).kind == DiagKind::import_unsupported_format);
  CHECK(only(sink).loc.file == path);
}

TEST_CASE("HTML reads as a reader sees it: blocks and <br> as lines, entities decoded, scripts dropped", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("n.html",
                           "<!DOCTYPE html><html><head><title>标题</title><style>p{}</style></head><body>\n"
                           "<h1>关于&nbsp;考试的通知</h1><script>var d = '2099年1月1日';</script>\n"
                           "<p>上午 8:30<br>下午&lt;14:00&gt;</p><div>一<span>起</span>\n  读</div>\n"
                           "<pre>甲  乙\n丙</pre></body></html>",
                           sink);
  REQUIRE(doc);
  CHECK(doc->format == DocumentFormat::html);
  CHECK(texts(*doc) == std::vector<std::string>{"关于 考试的通知", "上午 8:30", "下午<14:00>", "一起 读", "甲 乙", "丙"});
  CHECK(numbers(*doc) == std::vector<int>{2, 3, 3, 3, 5, 6});
}

TEST_CASE("an HTML table row is one line; a layout table's cells are blocks", "[import-readers]") {
  DiagnosticSink sink;
  auto doc = read_document("n.html",
                           "<html><body><table><tr><td>浙江省卫生健康委员会</td></tr>\n<tr><td>\n<p>各考点：</p>\n"
                           "<table border=1><tr><th>工作时间</th><td></td><th>工作内容</th></tr>\n"
                           "<tr><td><p>12月20日</p><p>至30日</p></td><td>网上<br>报名</td></tr></table>\n"
                           "<p>特此通知。</p></td><td>侧栏</td></tr></table></body></html>",
                           sink);
  REQUIRE(doc);
  CHECK(texts(*doc) == std::vector<std::string>{"浙江省卫生健康委员会", "各考点：", "工作时间 | 工作内容",
                                                "12月20日 至30日 | 网上 报名", "特此通知。", "侧栏"});
  CHECK(numbers(*doc) == std::vector<int>{1, 3, 4, 5, 6, 6});
}

TEST_CASE("a GBK page is decoded by its meta charset", "[import-readers]") {
  DiagnosticSink sink;
  // <meta charset="gb2312"> then 报名 in GBK.
  auto doc = read_document("gbk.htm", "<html><head><meta charset=\"gb2312\"></head><body><p>\xB1\xA8\xC3\xFB</p></body></html>", sink);
  REQUIRE(doc);
  CHECK(doc->encoding == "GB18030");
  CHECK(texts(*doc) == std::vector<std::string>{"报名"});
}

TEST_CASE("a page declaring an encoding iconv does not know is reported, naming it", "[import-readers]") {
  DiagnosticSink sink;
  CHECK_FALSE(read_document("x.html", "<html><head><meta charset=\"x-no-such\"></head><body><p>\xB1\xA8</p></body></html>", sink));
  CHECK(only(sink).kind == DiagKind::import_unknown_charset);
  CHECK(only(sink).message.en.find("x-no-such") != std::string::npos);
}

TEST_CASE("a declared encoding other than GBK is used when the bytes are not UTF-8", "[import-readers]") {
  DiagnosticSink sink;
  // 報名 in Big5.
  auto doc = read_document("big5.html", "<html><head><meta charset=\"big5\"></head><body><p>\xB3\xF8\xA6\x57</p></body></html>", sink);
  REQUIRE(doc);
  CHECK(doc->encoding == "BIG5");
  CHECK(texts(*doc) == std::vector<std::string>{"報名"});
}
