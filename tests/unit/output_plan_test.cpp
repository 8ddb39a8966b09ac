// The bind stage checks output paths from a plan (bind/output_plan.hpp) made before rendering.
// The plan is only as good as its agreement with the renderers: these tests hold the two equal
// over the shipped site and the benchmark's synthetic national year, and check what the plan
// reports when two inputs would write one file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>

#include <unistd.h>
#include <set>

#include "bind/output_plan.hpp"
#include "pipeline/builtin_templates.hpp"
#include "render/render_all.hpp"
#include "test_support.hpp"

using namespace kaowu;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<Compilation> compile_dir(const fs::path& root) {
  DiskTree calendars((root / "calendars").string());
  DiskTree notices((root / "notices").string());
  CompileInputs inputs;
  inputs.calendars = &calendars;
  inputs.notices = fs::is_directory(root / "notices") ? &notices : nullptr;
  inputs.bind.base_url = "https://example.gov.cn/kaowu";
  return compile(inputs);
}

void same_paths(const Compilation& c) {
  for (const Diagnostic& d : c.sink.diagnostics())
    if (d.severity == Severity::error) FAIL_CHECK(d.loc.file << ":" << d.loc.line << ": " << d.message.en);
  DiagnosticSink sink;
  RenderOptions with_model;
  with_model.model = true; // the plan has the model files, which --model writes
  Artifacts artifacts = render_all(c.bound, sink, with_model);
  CHECK_FALSE(sink.has_errors());
  std::multiset<std::string> rendered, planned;
  for (const Artifact& a : artifacts) rendered.insert(a.path);
  for (const PlannedFile& f : plan_outputs(c.resolved, c.site, c.bound.notices, c.bound.feeds)) planned.insert(f.path);
  CHECK(rendered.size() > 10);
  std::vector<std::string> only_rendered, only_planned;
  std::set_difference(rendered.begin(), rendered.end(), planned.begin(), planned.end(), std::back_inserter(only_rendered));
  std::set_difference(planned.begin(), planned.end(), rendered.begin(), rendered.end(), std::back_inserter(only_planned));
  INFO("rendered, not planned: " << (only_rendered.empty() ? "" : only_rendered.front()) << " (" << only_rendered.size() << ")");
  INFO("planned, not rendered: " << (only_planned.empty() ? "" : only_planned.front()) << " (" << only_planned.size() << ")");
  CHECK(rendered == planned);
}

std::vector<std::string> collisions(const Compilation& c) {
  std::vector<std::string> out;
  for (const Diagnostic& d : c.sink.diagnostics())
    if (d.kind == DiagKind::output_collision)
      out.push_back(d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " " + d.message.en);
  return out;
}

} // namespace

TEST_CASE("the planned outputs are exactly the files the renderers write: shipped site", "[output-plan]") {
  same_paths(*compile_dir(fs::path(KAOWU_SOURCE_DIR)));
}

TEST_CASE("the planned outputs are exactly the files the renderers write: benchmark year", "[output-plan]") {
  fs::path dir = fs::temp_directory_path() / ("kaowu-plan-" + std::to_string(::getpid()));
  std::string command = "/usr/bin/python3 '" + std::string(KAOWU_SOURCE_DIR) + "/tests/bench/gen_fixture.py' '" +
                        dir.string() + "' --regions 2 --sites 2 --notices 30 >/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  same_paths(*compile_dir(dir));
  fs::remove_all(dir);
}

TEST_CASE("a static file that shadows a generated file is located at the static file", "[output-plan]") {
  MemoryTree templates("templates");
  for (const auto& [path, bytes] : builtin_templates().files()) templates.add(path, bytes);
  templates.add("static/Index.html", "<p>by hand</p>");
  templates.add("static/feeds", "not a folder");
  templates.add("static/.htaccess", "Options -Indexes\n");
  auto c = testing::load_shipped({}, &templates);
  auto found = collisions(*c);
  std::string all;
  for (const auto& f : found) all += f + "\n";
  INFO(all);
  REQUIRE(found.size() == 4);
  std::sort(found.begin(), found.end());
  // A generated file has no source of its own: only the static file is located.
  CHECK(found[0] == "calendars/national/national-2017.toml:9:6 calendar 'national-2017' is published as "
                    "'feeds/national-2017.ics', which collides with 'feeds' of static file 'feeds', a file where "
                    "this one needs a folder");
  CHECK(found[1] == "templates/static/.htaccess:0:0 static file '.htaccess' is published as '.htaccess', "
                    "which collides with '.htaccess' of kaowu's own file");
  CHECK(found[2] == "templates/static/Index.html:0:0 static file 'Index.html' is published as 'Index.html', "
                    "which collides with 'index.html' of kaowu's own file on a case-insensitive file system "
                    "(Windows, macOS)");
  CHECK(found[3] == "templates/static/feeds:0:0 static file 'feeds' is published as 'feeds', which collides with "
                    "'feeds/national-2017.ics' of calendar 'national-2017', which needs a folder of that name");
}

TEST_CASE("a site id that names a specialty feed is located at both", "[output-plan]") {
  auto c = testing::load_texts({
      {"cat.toml", "[catalogue]\nid = \"cat\"\nyear = 2024\ntrack = \"高级\"\nsource = \"x\"\n\n"
                   "[[levels]]\nid = \"senior\"\nname = \"高级\"\ncodes = [1, 999]\n\n"
                   "[[specialties]]\ncode = \"101\"\nname = \"甲\"\nlevel = \"senior\"\nmode = \"cbt\"\n"},
      {"cal.toml", "[calendar]\nid = \"x-2024\"\nlevel = \"national\"\ntitle = \"t\"\nissuer = \"i\"\n"
                   "exam_year = 2024\ntrack = \"高级\"\ncatalogue = \"cat\"\nsource = \"x\"\n\n"
                   "[[sites]]\nid = \"specialty-101\"\nname = \"某考点\"\n\n"
                   "[exam]\ndays = [2024-07-06]\n\n[[exam.batches]]\nid = \"cbt-1\"\nmode = \"cbt\"\ndays = [2024-07-06]\n"},
  });
  auto found = collisions(*c);
  std::string all;
  for (const auto& f : found) all += f + "\n";
  INFO(all);
  REQUIRE(found.size() == 2);
  std::sort(found.begin(), found.end());
  CHECK(found[0].rfind("cal.toml:12:6 site 'specialty-101' of calendar 'x-2024' is published as "
                       "'feeds/x-2024/specialty-101.ics', which collides with 'feeds/x-2024/specialty-101.ics' "
                       "of specialty code '101'", 0) == 0);
  CHECK(found[1].rfind("cat.toml:13:8 specialty code '101' is published as 'feeds/x-2024/specialty-101.ics'", 0) == 0);
}
