// Diagnostic fixtures of every area: tests/<area>/fixtures/fail_<slug>_<n>.toml (or a directory of
// .toml files) are loaded together with the shipped calendars/ (minus the files a
// "# replaces: calendars/…" line names); their "# expect: KW0203 12:9 [note 30:1]" lines list
// exactly the diagnostics (code, line:col, optional notes) the fixture's files must produce, and
// nothing else may be an error. pass_*.toml fixtures must produce no error at all.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "diag/diagnostic.hpp"
#include "io/source_tree.hpp"
#include "pipeline/compile.hpp"

namespace fs = std::filesystem;
using namespace kaowu;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Expectation {
  std::string code;     // KW0203
  std::string file;     // the fixture file it is in
  std::string position; // 12:9
  std::vector<std::string> notes; // "30:1" (same file) or "calendars/x.toml:30:1"
};

struct Fixture {
  std::string name;
  std::vector<std::pair<std::string, std::string>> files; // display path, text
  std::vector<Expectation> expected;
  std::set<std::string> replaces; // shipped files left out
};

Fixture read_fixture(const fs::path& path) {
  Fixture f;
  f.name = path.filename().string();
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& e : fs::directory_iterator(path))
      if (e.path().extension() == ".toml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  static const std::regex expect_re(R"(^#\s*expect:\s*(KW\d{4})\s+(\d+:\d+)((?:\s+note\s+\S+)*)\s*$)");
  static const std::regex note_re(R"(note\s+(\S+))");
  static const std::regex replaces_re(R"(^#\s*replaces:\s*(\S+)\s*$)");
  for (const fs::path& p : files) {
    std::string display = fs::relative(p, fs::path(KAOWU_SOURCE_DIR)).generic_string();
    std::string text = read(p);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // the loader accepts a BOM too
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      std::smatch m;
      if (std::regex_match(line, m, expect_re)) {
        Expectation e{m[1], display, m[2], {}};
        std::string notes = m[3];
        for (std::sregex_iterator it(notes.begin(), notes.end(), note_re), end; it != end; ++it) {
          std::string n = (*it)[1];
          e.notes.push_back(std::count(n.begin(), n.end(), ':') == 1 ? display + ":" + n : n);
        }
        f.expected.push_back(e);
      } else if (std::regex_match(line, m, replaces_re)) {
        f.replaces.insert(m[1]);
      }
    }
    f.files.emplace_back(display, text);
  }
  return f;
}

std::string where(const Location& loc) { return std::to_string(loc.line) + ":" + std::to_string(loc.column); }

using Run = Compilation;

// The shipped calendars (minus replaced files) plus the fixture, through the one compile() that
// `kaowu check` and `kaowu build` run (load, domain bounds, resolve, check, bind), in memory.
std::unique_ptr<Run> run_fixture(const Fixture& f) {
  fs::path root = fs::path(KAOWU_SOURCE_DIR);
  MemoryTree tree;
  for (const auto& e : fs::recursive_directory_iterator(root / "calendars")) {
    if (e.path().extension() != ".toml") continue;
    std::string display = fs::relative(e.path(), root).generic_string();
    if (!f.replaces.count(display)) tree.add(display, read(e.path()));
  }
  for (const auto& [display, text] : f.files) tree.add(display, text);
  CompileInputs inputs;
  inputs.calendars = &tree;
  return compile(inputs);
}

std::vector<fs::path> fixtures(const std::string& prefix) {
  std::vector<fs::path> out;
  for (const auto& area : fs::directory_iterator(fs::path(KAOWU_TESTS_DIR))) {
    fs::path dir = area.path() / "fixtures";
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().filename().string().rfind(prefix, 0) == 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string describe(const Diagnostic& d) {
  return info(d.kind).slug.data() + std::string(" ") + code_string(info(d.kind).code) + " at " +
         d.loc.file + ":" + where(d.loc) + ": " + d.message.en;
}

} // namespace

TEST_CASE("failing fixtures report exactly the expected diagnostics", "[fixtures]") {
  auto path = GENERATE(from_range(fixtures("fail_")));
  Fixture f = read_fixture(path);
  INFO("fixture " << f.name);
  REQUIRE_FALSE(f.expected.empty());
  auto run = run_fixture(f);
  std::set<std::string> fixture_files;
  for (const auto& [display, text] : f.files) fixture_files.insert(display);

  std::multiset<std::string> got, want;
  for (const Diagnostic& d : run->sink.diagnostics()) {
    if (fixture_files.count(d.loc.file)) got.insert(code_string(info(d.kind).code) + " " + d.loc.file + ":" + where(d.loc));
    else if (d.severity == Severity::error) FAIL_CHECK("unexpected error elsewhere: " << describe(d));
  }
  for (const Expectation& e : f.expected) want.insert(e.code + " " + e.file + ":" + e.position);
  std::ostringstream all;
  for (const Diagnostic& d : run->sink.diagnostics()) all << describe(d) << '\n';
  INFO("diagnostics:\n" << all.str());
  CHECK(got == want);

  for (const Expectation& e : f.expected) {
    if (e.notes.empty()) continue;
    bool found = false;
    for (const Diagnostic& d : run->sink.diagnostics()) {
      if (code_string(info(d.kind).code) != e.code || d.loc.file + ":" + where(d.loc) != e.file + ":" + e.position) continue;
      found = std::all_of(e.notes.begin(), e.notes.end(), [&](const std::string& n) {
        return std::any_of(d.notes.begin(), d.notes.end(),
                           [&](const Note& note) { return note.loc.file + ":" + where(note.loc) == n; });
      });
    }
    CHECK(found);
  }
}

TEST_CASE("passing fixtures report no error", "[fixtures]") {
  auto path = GENERATE(from_range(fixtures("pass_")));
  Fixture f = read_fixture(path);
  INFO("fixture " << f.name);
  auto run = run_fixture(f);
  for (const Diagnostic& d : run->sink.diagnostics())
    if (d.severity == Severity::error) FAIL_CHECK(describe(d));
  std::set<std::string> fixture_files;
  for (const auto& [display, text] : f.files) fixture_files.insert(display);
  std::multiset<std::string> got, want;
  for (const Diagnostic& d : run->sink.diagnostics())
    if (fixture_files.count(d.loc.file)) got.insert(code_string(info(d.kind).code) + " " + d.loc.file + ":" + where(d.loc));
  for (const Expectation& e : f.expected) want.insert(e.code + " " + e.file + ":" + e.position);
  CHECK(got == want);
}

TEST_CASE("every calendar diagnostic has a failing fixture", "[fixtures]") {
  std::set<std::string> covered;
  for (const fs::path& p : fixtures("fail_"))
    for (const Expectation& e : read_fixture(p).expected) covered.insert(e.code);
  for (const KindInfo& k : all_kinds()) {
    // Notices and templates (KW03xx) are tested in tests/site; the run-level kinds (no calendars,
    // I/O) in tests/cli.
    if (k.code >= 300 || k.kind == DiagKind::no_calendars) continue;
    // What the walk of a directory finds (a near-miss name, a link out of the tree, a tree too
    // deep) needs a directory, not a TOML file: tests/unit/source_tree_test.cpp and tests/cli.
    if (k.kind == DiagKind::ignored_file || k.kind == DiagKind::link_outside || k.kind == DiagKind::tree_too_deep)
      continue;
    // The input limits (KW0080–KW0084: huge files, deep nesting, long text …) are asserted by
    // the bad-input corpus in tests/robustness, which generates the inputs too big to commit.
    if (k.code >= 80 && k.code < 85) continue;
    INFO(code_string(k.code) << " " << k.slug);
    CHECK(covered.count(code_string(k.code)) == 1);
  }
}

TEST_CASE("the shipped calendars pass the shipped rules without errors", "[rules]") {
  Fixture none;
  auto run = run_fixture(none);
  for (const Diagnostic& d : run->sink.diagnostics())
    if (d.severity == Severity::error) FAIL_CHECK(describe(d));
}

TEST_CASE("without rules.toml the embedded default rules apply", "[rules]") {
  Fixture f = read_fixture(fs::path(KAOWU_TESTS_DIR) / "rules" / "fixtures" / "fail_opens-too-late_1.toml");
  f.replaces.insert("calendars/rules.toml");
  auto run = run_fixture(f);
  CHECK_FALSE(run->project.has_rules_file);
  std::multiset<std::string> got;
  for (const Diagnostic& d : run->sink.diagnostics())
    got.insert(code_string(info(d.kind).code) + " " + d.loc.file + ":" + where(d.loc));
  CHECK(got.count("KW0204 " + f.expected.front().file + ":" + f.expected.front().position) == 1);
  CHECK(got.count("KW0202 calendars/national/national-2019.toml:32:7") == 1);
}
