// What a rebuild relies on: the snapshot of the inputs answers as the tree would and its digest
// sees every byte a loader could read; the stamp reads back what was written.
#include <catch2/catch.hpp>

#include "io/snapshot_tree.hpp"
#include "publish/build_stamp.hpp"

using namespace kaowu;

namespace {
MemoryTree sample() {
  MemoryTree t("calendars");
  t.add("national/a.toml", "[calendar]\nid = \"a\"\n");
  t.add("regions/b.toml", "x = 1\n");
  t.add("README.md", "notes\n");
  t.add(".hidden/secret.toml", "never read\n");
  t.add("big.bin", std::string(5000, 'x'));
  t.add_unreadable("regions/locked.toml", "Permission denied");
  t.add_link_outside("regions/out.toml");
  return t;
}
} // namespace

TEST_CASE("a snapshot answers as its tree, for every cap a loader uses", "[rebuild]") {
  MemoryTree t = sample();
  SnapshotTree s(t, 12, 4096);
  CHECK(s.type("") == t.type(""));
  for (const char* dir : {"", "national", "regions"}) {
    Listing a = s.list(dir), b = t.list(dir);
    REQUIRE(a.entries.size() == b.entries.size());
    for (size_t i = 0; i < a.entries.size(); ++i) CHECK(a.entries[i].name == b.entries[i].name);
  }
  for (const char* path : {"national/a.toml", "regions/b.toml", "regions/locked.toml", "big.bin"})
    for (size_t cap : {size_t{4}, size_t{100}, size_t{4096}}) {
      INFO(path << " cap " << cap);
      FileBytes a = s.read(path, cap), b = t.read(path, cap);
      CHECK(a.bytes == b.bytes);
      CHECK(a.error == b.error);
      CHECK(a.too_large == b.too_large);
    }
  CHECK(s.type("national") == EntryType::directory);
  CHECK(s.complete());
}

TEST_CASE("a question the snapshot cannot answer goes to the tree and marks it incomplete", "[rebuild]") {
  MemoryTree t = sample();
  SnapshotTree hidden(t, 12, 4096);
  CHECK(hidden.read(".hidden/secret.toml", 100).bytes == "never read\n");
  CHECK_FALSE(hidden.complete());
  SnapshotTree larger(t, 12, 4096);
  larger.read("big.bin", 10000); // a cap past the snapshot's
  CHECK_FALSE(larger.complete());
  SnapshotTree shallow(t, 0, 4096); // folders below the root not taken
  shallow.list("national");
  CHECK_FALSE(shallow.complete());
}

TEST_CASE("the digest changes with any byte, name or error a loader could see, and with nothing else", "[rebuild]") {
  std::string base = SnapshotTree(sample(), 12, 4096).digest();
  CHECK(SnapshotTree(sample(), 12, 4096).digest() == base);
  auto changed = [&](auto edit) {
    MemoryTree t = sample();
    edit(t);
    return SnapshotTree(t, 12, 4096).digest();
  };
  CHECK(changed([](MemoryTree& t) { t.add("regions/b.toml", "x = 2\n"); }) != base);
  CHECK(changed([](MemoryTree& t) { t.add("regions/c.toml", ""); }) != base);
  CHECK(changed([](MemoryTree& t) { t.add("README.md", "other notes\n"); }) != base);
  CHECK(changed([](MemoryTree& t) { t.add_unreadable("regions/locked.toml", "Input/output error"); }) != base);
  CHECK(changed([](MemoryTree& t) { t.add("big.bin", std::string(5001, 'x')); }) != base);
  // Hidden entries are never read by a loader: their bytes do not count.
  CHECK(changed([](MemoryTree& t) { t.add(".hidden/secret.toml", "still never read\n"); }) == base);
}

TEST_CASE("a stamp reads back as written; a damaged one does not read", "[rebuild]") {
  BuildStamp s;
  s.fingerprint = "0123456789abcdef0123456789abcdef";
  s.clean = true;
  s.files = {{"a/b.html", 12, "00112233445566778899aabbccddeeff"}, {"c.ics", 0, "ffeeddccbbaa99887766554433221100"}};
  std::string text = stamp_text(s);
  auto back = parse_stamp(text);
  REQUIRE(back);
  CHECK(back->fingerprint == s.fingerprint);
  CHECK(back->clean);
  REQUIRE(back->files.size() == 2);
  CHECK(back->files[0].path == "a/b.html");
  CHECK(back->files[0].size == 12);
  CHECK(back->files[1].digest == s.files[1].digest);
  CHECK_FALSE(parse_stamp(text.substr(0, text.size() - 1))); // cut short
  CHECK_FALSE(parse_stamp("kaowu build stamp 1\nfingerprint x\n")); // no clean line
  CHECK_FALSE(parse_stamp("kaowu build stamp 3\n" + text.substr(text.find('\n') + 1))); // another version
  // A line removed or changed by hand: the seal no longer matches, so the stamp is not trusted.
  std::string edited = text;
  edited.erase(edited.find("c.ics"), edited.find('\n', edited.find("c.ics")) - edited.find("c.ics") + 1);
  CHECK_FALSE(parse_stamp(edited));
  std::string resized = text;
  resized.replace(resized.find("\t12\t"), 4, "\t13\t");
  CHECK_FALSE(parse_stamp(resized));
  // Still kaowu's mark, of any version, whole or not.
  CHECK(is_stamp_of_kaowu(text));
  CHECK(is_stamp_of_kaowu(edited));
  CHECK(is_stamp_of_kaowu("kaowu build stamp 1\nfingerprint -\nclean no\n"));
  CHECK_FALSE(is_stamp_of_kaowu("my notes\n"));
  CHECK_FALSE(is_stamp_of_kaowu(""));
  BuildStamp none;
  auto empty = parse_stamp(stamp_text(none));
  REQUIRE(empty);
  CHECK(empty->fingerprint.empty());
}
