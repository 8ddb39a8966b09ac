// Runs every diagnostic fixture: tests/<area>/fixtures/fail_*.toml (or fail_*/ directories) and
// pass_*.toml. A fixture starts with its expectations:
//   # expect: KW0004 12:9        one line per diagnostic, in the fixture's own file
//   # replaces: calendars/regions/beijing-2024.toml   drop that shipped file first
//   # alone                      load the fixture without the shipped calendars
// The shipped calendars are loaded beside it, so a fixture can narrow a real calendar. The test
// asserts exactly the expected (code, line:column) diagnostics and no other error anywhere.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace kaowu;

namespace {

struct Fixture {
  fs::path path;                    // file or directory
  std::vector<fs::path> files;      // the TOML files it holds
  std::multiset<std::string> expected; // "file|KW0004 12:9"
  std::set<std::string> replaces;
  bool alone = false;
  bool should_fail = true;
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string shown(const fs::path& p) {
  return p.lexically_relative(fs::path(KAOWU_SOURCE_DIR)).generic_string();
}

Fixture parse_fixture(const fs::path& path) {
  Fixture f;
  f.path = path;
  f.should_fail = path.filename().string().rfind("fail_", 0) == 0;
  if (fs::is_directory(path)) {
    for (auto& e : fs::directory_iterator(path))
      if (e.path().extension() == ".toml") f.files.push_back(e.path());
    std::sort(f.files.begin(), f.files.end());
  } else {
    f.files.push_back(path);
  }
  for (const fs::path& file : f.files) {
    std::string text = read(file);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line) && line.rfind("#", 0) == 0) {
      if (line.rfind("# expect: ", 0) == 0) f.expected.insert(shown(file) + "|" + line.substr(10));
      else if (line.rfind("# replaces: ", 0) == 0) f.replaces.insert(line.substr(12));
      else if (line.rfind("# alone", 0) == 0) f.alone = true;
    }
  }
  return f;
}

std::vector<fs::path> all_fixtures() {
  std::vector<fs::path> out;
  for (auto& area : fs::directory_iterator(KAOWU_TESTS_DIR)) {
    fs::path dir = area.path() / "fixtures";
    if (!fs::is_directory(dir)) continue;
    for (auto& e : fs::directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      if (name.rfind("fail_", 0) == 0 || name.rfind("pass_", 0) == 0) out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("every diagnostic fixture reports exactly what it expects", "[fixtures]") {
  for (const fs::path& path : all_fixtures()) {
    Fixture f = parse_fixture(path);
    DYNAMIC_SECTION(shown(path)) {
      SourceMap sources;
      DiagnosticSink sink;
      Project project;
      if (!f.alone) {
        std::vector<fs::path> shipped;
        for (auto& e : fs::recursive_directory_iterator(testing::shipped_calendars()))
          if (e.path().extension() == ".toml") shipped.push_back(e.path());
        std::sort(shipped.begin(), shipped.end());
        for (const fs::path& p : shipped)
          if (!f.replaces.count(shown(p))) load_document(read(p), shown(p), project, sink);
      }
      for (const fs::path& file : f.files) load_document(read(file), shown(file), project, sink);
      ResolvedProject resolved = resolve(project, sink);
      check(resolved, sink);

      std::set<std::string> fixture_files;
      for (const fs::path& file : f.files) fixture_files.insert(shown(file));
      std::multiset<std::string> actual;
      std::vector<std::string> elsewhere;
      for (const Diagnostic& d : sink.diagnostics()) {
        if (d.severity == Severity::note) continue;
        std::string where = std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column);
        std::string text = code_string(info(d.kind).code) + " " + where;
        if (fixture_files.count(d.loc.file)) actual.insert(d.loc.file + "|" + text);
        else if (d.severity == Severity::error) elsewhere.push_back(d.loc.file + ": " + text + " " + d.message.en);
      }
      std::string listed;
      for (const auto& a : actual) listed += "\n  # expect: " + a.substr(a.find('|') + 1) + "   (" + a.substr(0, a.find('|')) + ")";
      INFO("fixture " << shown(path) << "\nactual diagnostics:" << listed);
      CHECK(actual == f.expected);
      CHECK(elsewhere.empty());
      if (f.should_fail) CHECK_FALSE(f.expected.empty());
      else CHECK(f.expected.empty());
    }
  }
}

TEST_CASE("every load and resolve diagnostic has a failing fixture", "[fixtures]") {
  std::set<std::string> covered;
  for (const fs::path& path : all_fixtures())
    for (const std::string& e : parse_fixture(path).expected) covered.insert(e.substr(e.find('|') + 1, 6));
  for (const KindInfo& k : all_kinds()) {
    // Rules (KW02xx) have their own suite; the run-level kinds are covered by tests/cli.
    if (k.code >= 200 || k.kind == DiagKind::io_error || k.kind == DiagKind::no_calendars) continue;
    INFO(code_string(k.code) << " " << k.slug);
    CHECK(covered.count(code_string(k.code)) == 1);
  }
}
