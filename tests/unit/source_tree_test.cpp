// The input seam: loaders read through SourceTree, so what the walk of a directory finds (a file
// kaowu does not read, a directory it cannot read, a link out of the project, a tree too deep)
// is tested in memory, and the disk tree's link and read behaviour on a real directory.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "io/source_tree.hpp"
#include "load/notice_loader.hpp"
#include "load/site_sources.hpp"
#include "pipeline/builtin_templates.hpp"
#include "pipeline/compile.hpp"

using namespace kaowu;
namespace fs = std::filesystem;

namespace {

const char* kCalendar = "[calendar]\nid = \"x-2024\"\nlevel = \"national\"\ntitle = \"t\"\nissuer = \"i\"\n"
                        "exam_year = 2024\ntrack = \"初中级\"\n";

std::vector<const Diagnostic*> of_kind(const DiagnosticSink& sink, DiagKind kind) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : sink.diagnostics())
    if (d.kind == kind) out.push_back(&d);
  return out;
}

std::unique_ptr<Compilation> compile_trees(const SourceTree& calendars, const SourceTree* notices = nullptr,
                                           const SourceTree* templates = nullptr) {
  CompileInputs in;
  in.calendars = &calendars;
  in.notices = notices;
  in.templates = templates;
  return compile(in);
}

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/kaowu-tree-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
};

} // namespace

TEST_CASE("files kaowu does not read, but whose names suggest it should, are warnings", "[load]") {
  MemoryTree calendars("calendars");
  calendars.add("national/x.toml", kCalendar);
  calendars.add("national/y.TOML", kCalendar);
  calendars.add("regions/z.toml.txt", kCalendar);
  calendars.add("regions/z.toml~", kCalendar);
  calendars.add("regions/notes.md", "# notes");
  calendars.add(".git/config.toml", "x"); // hidden: not part of the project
  auto c = compile_trees(calendars);
  auto ignored = of_kind(c->sink, DiagKind::ignored_file);
  REQUIRE(ignored.size() == 3);
  CHECK(ignored[0]->loc.file == "calendars/national/y.TOML");
  CHECK(ignored[0]->severity == Severity::warning);
  CHECK(ignored[0]->message.en.find("end in .toml") != std::string::npos);
  CHECK(ignored[1]->loc.file == "calendars/regions/z.toml.txt");
  CHECK(ignored[2]->loc.file == "calendars/regions/z.toml~");
  CHECK_FALSE(c->sink.has_errors());
  CHECK(c->project.calendars.size() == 1);
}

TEST_CASE("a directory that cannot be read is an I/O error with the system's reason", "[load]") {
  MemoryTree calendars("calendars");
  calendars.add("national/x.toml", kCalendar);
  calendars.add_unreadable("sites", "Permission denied", EntryType::directory);
  calendars.add_unreadable("regions/r.toml", "Permission denied");
  auto c = compile_trees(calendars);
  auto io = of_kind(c->sink, DiagKind::io_error);
  REQUIRE(io.size() == 2);
  CHECK(io[0]->message.en == "cannot read the directory 'calendars/sites': Permission denied");
  CHECK(io[1]->message.en == "cannot read 'calendars/regions/r.toml': Permission denied");
}

TEST_CASE("a link out of the tree is an error and is never read", "[load]") {
  MemoryTree calendars("calendars");
  calendars.add("national/x.toml", kCalendar);
  calendars.add_link_outside("regions/elsewhere.toml");
  auto c = compile_trees(calendars);
  auto links = of_kind(c->sink, DiagKind::link_outside);
  REQUIRE(links.size() == 1);
  CHECK(links[0]->loc.file == "calendars/regions/elsewhere.toml");
  CHECK(links[0]->message.en == "'calendars/regions/elsewhere.toml' is a symbolic link that leads outside 'calendars'");
}

TEST_CASE("a tree nested too deep is an error, not an endless walk", "[load]") {
  MemoryTree calendars("calendars");
  calendars.add("national/x.toml", kCalendar);
  std::string deep = "a";
  for (int i = 0; i < 20; ++i) deep += "/a";
  calendars.add(deep + "/y.toml", kCalendar);
  auto c = compile_trees(calendars);
  auto deep_found = of_kind(c->sink, DiagKind::tree_too_deep);
  REQUIRE(deep_found.size() == 1);
  CHECK(deep_found[0]->loc.file.size() < 100);
}

TEST_CASE("notices outside notices/<calendar>/ and near-miss names are warnings", "[load]") {
  MemoryTree notices("notices");
  const std::string notice = "+++\ntitle = \"t\"\ndate = 2024-01-01\n+++\n正文\n";
  notices.add("x-2024/a.md", notice);
  notices.add("x-2024/b.MD", notice);
  notices.add("x-2024/old/c.md", notice);
  notices.add("d.md", notice);
  DiagnosticSink sink;
  SourceMap sources;
  std::vector<Notice> read = load_notices(notices, sink, sources);
  REQUIRE(read.size() == 1);
  CHECK(read[0].slug == "a");
  auto ignored = of_kind(sink, DiagKind::ignored_file);
  REQUIRE(ignored.size() == 3);
  CHECK(ignored[0]->loc.file == "notices/d.md");
  CHECK(ignored[1]->loc.file == "notices/x-2024/b.MD");
  CHECK(ignored[2]->loc.file == "notices/x-2024/old");
}

TEST_CASE("a notice with a forbidden character or a bad byte is located at its real column", "[load]") {
  MemoryTree calendars("calendars");
  calendars.add("x.toml", kCalendar);
  MemoryTree notices("notices");
  notices.add("x-2024/a.md", "+++\ntitle = \"t\"\ndate = 2024-01-01\n+++\n报名时间\xEF\xBF\xBF\n");
  notices.add("x-2024/b.md", "+++\ntitle = \"t\"\ndate = 2024-01-01\n+++\n报名\xFF\n");
  auto c = compile_trees(calendars, &notices);
  auto forbidden = of_kind(c->sink, DiagKind::control_character);
  REQUIRE(forbidden.size() == 1);
  CHECK(forbidden[0]->loc.line == 5);
  CHECK(forbidden[0]->loc.column == 5);
  auto utf8 = of_kind(c->sink, DiagKind::invalid_utf8);
  REQUIRE(utf8.size() == 1);
  CHECK(utf8[0]->loc.line == 5);
  CHECK(utf8[0]->loc.column == 3);
}

TEST_CASE("a notice over its size bound is refused before it is read whole", "[load]") {
  MemoryTree calendars("calendars");
  calendars.add("x.toml", kCalendar);
  MemoryTree notices("notices");
  notices.add("x-2024/big.md", "+++\ntitle = \"t\"\ndate = 2024-01-01\n+++\n" + std::string(kMaxNoticeBytes, 'a'));
  auto c = compile_trees(calendars, &notices);
  auto big = of_kind(c->sink, DiagKind::file_too_large);
  REQUIRE(big.size() == 1);
  CHECK(big[0]->loc.file == "notices/x-2024/big.md");
  CHECK(c->site.notices.empty());
}

TEST_CASE("the disk tree never follows a link out of its root, and reads with the system's reason", "[load]") {
  TempDir outside, project;
  outside.write("secret.toml", kCalendar);
  project.write("calendars/x.toml", kCalendar);
  fs::create_symlink(outside.path / "secret.toml", project.path / "calendars/secret.toml");
  fs::create_directory_symlink(outside.path, project.path / "calendars/outside");
  fs::create_symlink(project.path / "calendars/x.toml", project.path / "calendars/inside.toml");
  fs::create_symlink(project.path / "nowhere", project.path / "calendars/dangling.toml");
  DiskTree tree((project.path / "calendars").string());
  Listing listing = tree.list("");
  std::map<std::string, TreeEntry> by_name;
  for (const TreeEntry& e : listing.entries) by_name[e.name] = e;
  CHECK(by_name.at("secret.toml").outside);
  CHECK(by_name.at("outside").outside);
  CHECK(by_name.at("dangling.toml").outside);
  CHECK_FALSE(by_name.at("inside.toml").outside);
  CHECK(by_name.at("inside.toml").type == EntryType::file);
  CHECK(by_name.at("x.toml").type == EntryType::file);
  auto c = compile_trees(tree);
  CHECK(of_kind(c->sink, DiagKind::link_outside).size() == 3);
  CHECK(c->project.calendars.size() == 2); // x.toml and the link inside
  FileBytes missing = tree.read("none.toml", 100);
  CHECK(missing.error == "No such file or directory");
  FileBytes capped = tree.read("x.toml", 10);
  CHECK(capped.too_large);
  CHECK(capped.bytes.empty());
}

TEST_CASE("a FIFO among the calendars is skipped, never read (a read would block)", "[load]") {
  TempDir project;
  project.write("x.toml", kCalendar);
  REQUIRE(::mkfifo((project.path / "pipe.toml").c_str(), 0600) == 0);
  DiskTree tree(project.path.string());
  auto c = compile_trees(tree);
  CHECK(c->project.calendars.size() == 1);
}

TEST_CASE("the built-in templates are the repository's templates/", "[load]") {
  DiskTree repo(std::string(KAOWU_SOURCE_DIR) + "/templates");
  DiagnosticSink sink;
  SourceMap sources;
  SiteSources disk = load_site_sources(repo, nullptr, sink, sources);
  SiteSources built_in = load_site_sources(builtin_templates(), nullptr, sink, sources);
  CHECK(sink.diagnostics().empty());
  REQUIRE(disk.templates.size() == built_in.templates.size());
  for (const auto& [name, t] : disk.templates) CHECK(built_in.templates.at(name).text == t.text);
  REQUIRE(disk.static_files.size() == built_in.static_files.size());
  for (size_t i = 0; i < disk.static_files.size(); ++i) {
    CHECK(disk.static_files[i].path == built_in.static_files[i].path);
    CHECK(disk.static_files[i].bytes == built_in.static_files[i].bytes);
  }
}
