#include <catch2/catch.hpp>

#include "render/fragment/tag_restyle.hpp"
#include "render/ical/htaccess.hpp"
#include "render/media_types.hpp"

using namespace kaowu;

namespace {

std::string keep_url(std::string_view, std::string_view url, void*) { return std::string(url); }
std::string drop_relative(std::string_view, std::string_view url, void*) {
  return url.rfind("https://", 0) == 0 ? std::string(url) : std::string();
}

} // namespace

TEST_CASE("restyle gives each tag its inline style and keeps only attributes that mean something elsewhere",
          "[fragment]") {
  std::vector<TagStyle> styles = {{"td", "border:1px solid #999999;", "", ""},
                                  {"table", "border-collapse:collapse;", "<section>", "</section>"}};
  std::string html = "<table class=\"x\" id=\"t\"><tr><td align=\"center\" onclick=\"f()\">A&amp;B</td>"
                     "<th colspan=\"2\">H</th></tr></table>\n<!-- raw HTML omitted -->\n<p data-x=\"1\">P</p>";
  CHECK(restyle(html, styles, keep_url, nullptr) ==
        "<section><table style=\"border-collapse:collapse;\"><tr><td style=\"border:1px solid #999999;text-align:center\">"
        "A&amp;B</td><th colspan=\"2\">H</th></tr></table></section>\n<p>P</p>");
}

TEST_CASE("restyle rewrites links and images, and drops what the rewrite refuses", "[fragment]") {
  std::string html = "<p><a href=\"https://a.cn/?x=1&amp;y=2\" title=\"t\">a</a> <a href=\"../b.html\">b</a> "
                     "<img src=\"x.png\" alt=\"图\" /></p>";
  CHECK(restyle(html, {}, drop_relative, nullptr) ==
        "<p><a href=\"https://a.cn/?x=1&amp;y=2\">a</a> <a>b</a> 图</p>");
}

TEST_CASE("restyle reads a broken tag to its end without running past the text", "[fragment]") {
  for (const char* html : {"<p", "<a href=\"x", "</", "<!-- open", "<td align=>x", "< p>"})
    CHECK_NOTHROW(restyle(html, {}, keep_url, nullptr));
  CHECK(restyle("text <b", {}, keep_url, nullptr) == "text <b>");
}

TEST_CASE("media types: one rule per extension, by the last dot of the name", "[fragment]") {
  CHECK(media_type_for("feeds/beijing-2024.staff.ics") == "text/calendar; charset=utf-8");
  CHECK(media_type_for("embed/kaowu.js") == "text/javascript; charset=utf-8");
  CHECK(media_type_for(".htaccess") == "application/octet-stream");
  CHECK(media_type_for("a.d/noext") == "application/octet-stream");
  REQUIRE(media_rule_for("index.json"));
  CHECK(media_rule_for("index.json")->cross_origin);
  CHECK(cache_control(media_rule_for("site.css")->cache) == "public, max-age=86400");
  CHECK(bare_media_type("text/calendar; charset=utf-8") == "text/calendar");
}

TEST_CASE("the .htaccess types every extension of the table", "[fragment]") {
  std::string text = htaccess().bytes;
  for (const MediaRule& r : media_rules())
    CHECK(text.find("AddType " + std::string(bare_media_type(r.type)) + " ." + std::string(r.extension) + "\n") !=
          std::string::npos);
}
