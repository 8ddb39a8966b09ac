// What `kaowu serve` adds to what it serves: the reload script (served HTML only), the error page
// (the report escaped, a link to the last good page) and the headers of docs/serving.md.
#include <catch2/catch.hpp>

#include "serve/pages.hpp"

using namespace kaowu;

TEST_CASE("the reload script goes before </body>, or at the end", "[serve]") {
  std::string page = with_reload_script("<html><body><p>x</p></body></html>\n", 7);
  CHECK(page.find("since=7") != std::string::npos);
  CHECK(page.find("</script>\n</body></html>") != std::string::npos);
  std::string bare = with_reload_script("<p>x</p>", 1);
  CHECK(bare.rfind("<p>x</p><script>", 0) == 0);
}

TEST_CASE("the error page escapes the report and links the last good page", "[serve]") {
  std::string page = error_page("a.toml:3:7: error[KW0001]: <script>alert(\"x\")</script> & more\n", 1,
                                "calendars/x/index.html", true, 4, true);
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more") != std::string::npos);
  CHECK(page.find("href=\"/__kaowu/last-good/calendars/x/index.html\"") != std::string::npos);
  CHECK(page.find("kaowu：1 个错误") != std::string::npos);
  CHECK(page.find("since=4") != std::string::npos);
  CHECK(error_page("r", 2, "a.html", false, 1, false).find("last-good") == std::string::npos);
}

TEST_CASE("served types and CORS follow docs/serving.md", "[serve]") {
  CHECK(served_media_type("feeds/x.ics", "text/calendar; charset=utf-8") == "text/calendar; charset=utf-8");
  CHECK(served_media_type("feeds/x.json", "application/json") == "application/json; charset=utf-8");
  CHECK(served_media_type("index.html", "text/html; charset=utf-8") == "text/html; charset=utf-8");
  CHECK(served_media_type("atom.xml", "application/atom+xml") == "application/xml; charset=utf-8");
  CHECK(served_media_type("notes.webp", "image/webp") == "image/webp");
  CHECK(served_media_type("notes.csv", "text/csv") == "text/csv; charset=utf-8");
  CHECK(cross_origin("atom.xml"));
  CHECK_FALSE(cross_origin(".htaccess"));
  CHECK(served_media_type("qr.png", "image/png") == "image/png");
  CHECK(cross_origin("feeds/x.ics"));
  CHECK(cross_origin("index.json"));
  CHECK_FALSE(cross_origin("index.html"));
}
