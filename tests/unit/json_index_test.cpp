#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "pipeline/builtin_templates.hpp"
#include "render/json/render_json.hpp"
#include "test_support.hpp"

using namespace kaowu;
using ordered_json = nlohmann::ordered_json;

namespace {
std::unique_ptr<testing::Loaded> with_base_url(std::string base_url) {
  BindOptions options;
  options.base_url = std::move(base_url);
  return testing::load_shipped(options);
}
std::map<std::string, const Artifact*> by_path(const Artifacts& artifacts) {
  std::map<std::string, const Artifact*> out;
  for (const Artifact& a : artifacts) out[a.path] = &a;
  return out;
}
} // namespace

TEST_CASE("index.json lists every feed the build writes, and only those", "[json]") {
  auto l = testing::load_shipped();
  CHECK_FALSE(l->sink.has_errors());
  Artifacts artifacts = render_json(l->bound);
  auto files = by_path(artifacts);
  REQUIRE(files.count("index.json"));
  ordered_json index = ordered_json::parse(files["index.json"]->bytes);
  CHECK(index["$schema"] == "schema/kaowu-index-v1.schema.json");
  CHECK(index["base_url"].is_null());
  CHECK(index["widget"] == "embed/kaowu.js");

  std::set<std::string> listed;
  for (const ordered_json& c : index["calendars"])
    for (const ordered_json& f : c["feeds"]) {
      std::string json_path = f["json"];
      CHECK(listed.insert(json_path).second);
      REQUIRE(files.count(json_path));
      ordered_json feed = ordered_json::parse(files[json_path]->bytes);
      CHECK(feed["id"] == f["id"]);
      CHECK(feed["items"].size() == f["events"].get<size_t>());
      // The .ics beside it, as the iCalendar renderer names it.
      CHECK(f["ics"] == json_path.substr(0, json_path.size() - 5) + ".ics");
    }
  for (const Artifact& a : artifacts) {
    CHECK(a.media_type == "application/json");
    CHECK(a.bytes.back() == '\n');
    if (a.path != "index.json") CHECK(listed.count(a.path));
  }
  CHECK(listed.size() + 1 == artifacts.size());
  CHECK(index["calendars"].size() == l->resolved.calendars.size());
}

TEST_CASE("index.json: pages, inline sites and site calendars", "[json]") {
  auto l = with_base_url("https://example.org/kaowu/");
  Artifacts artifacts = render_json(l->bound);
  auto files = by_path(artifacts);
  ordered_json index = ordered_json::parse(files["index.json"]->bytes);
  CHECK(index["base_url"] == "https://example.org/kaowu");
  std::map<std::string, ordered_json> calendars;
  for (const ordered_json& c : index["calendars"]) calendars[c["id"]] = c;

  const ordered_json& zhejiang = calendars["zhejiang-2024-senior"];
  CHECK(zhejiang["pages"]["notice"] == "https://example.org/kaowu/calendars/zhejiang-2024-senior/index.html");
  CHECK(zhejiang["pages"]["timetable"] == "https://example.org/kaowu/calendars/zhejiang-2024-senior/timetable.html");
  REQUIRE(zhejiang["sites"].size() == 13);
  bool hangzhou = false;
  for (const ordered_json& s : zhejiang["sites"])
    if (s["id"] == "hangzhou") {
      hangzhou = true;
      CHECK(s["page"] == "https://example.org/kaowu/calendars/zhejiang-2024-senior/sites/hangzhou.html");
    }
  CHECK(hangzhou);

  CHECK(calendars["beijing-2024"]["site_calendars"] == ordered_json::array({"beijing-2024-fengtai"}));
  CHECK(calendars["beijing-2024-fengtai"]["site"]["name"] == "丰台考点");
  CHECK(calendars["beijing-2024-fengtai"]["parent"] == "beijing-2024");
  // Every calendar prints its work plan, exam or not (the site renders one for each).
  CHECK(calendars["national-2017"]["pages"]["timetable"] == "https://example.org/kaowu/calendars/national-2017/timetable.html");
}

TEST_CASE("a bad --base-url is an error of the bind stage, which check reports too", "[json]") {
  auto l = with_base_url("www.example.org");
  DiagnosticSink& sink = l->sink;
  REQUIRE(sink.error_count() == 1);
  const Diagnostic& d = *std::find_if(sink.diagnostics().begin(), sink.diagnostics().end(),
                                      [](const Diagnostic& x) { return x.severity == Severity::error; });
  CHECK(d.kind == DiagKind::base_url_invalid);
  CHECK(code_string(info(DiagKind::base_url_invalid).code) == "KW0450");
}

TEST_CASE("templates without the schemas: the feeds are written, with a warning", "[json]") {
  MemoryTree bare("elsewhere");
  for (const auto& [path, bytes] : builtin_templates().files())
    if (path.rfind("static/schema/", 0) != 0) bare.add(path, bytes);
  auto l = testing::load_shipped({}, &bare);
  Artifacts artifacts = render_json(l->bound);
  CHECK_FALSE(artifacts.empty());
  CHECK_FALSE(l->sink.has_errors());
  std::vector<Diagnostic> missing;
  for (const Diagnostic& d : l->sink.diagnostics())
    if (d.kind == DiagKind::json_schema_missing) missing.push_back(d);
  REQUIRE(missing.size() == 2);
  CHECK(missing[0].loc.file == "elsewhere/static/schema/kaowu-feed-v1.schema.json");
}
