#pragma once
// Helpers shared by the unit tests: run the front half of the pipeline (compile(): load ->
// resolve -> check -> bind) over the shipped calendars or over documents held in memory.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "bind/feed_events.hpp"
#include "io/source_tree.hpp"
#include "pipeline/compile.hpp"

namespace kaowu::testing {

using Loaded = Compilation;

inline std::string shipped_calendars() { return std::string(KAOWU_SOURCE_DIR) + "/calendars"; }

// The shipped calendars, resolved, checked and bound (with the built-in templates unless others
// are given, no notices).
inline std::unique_ptr<Loaded> load_shipped(const BindOptions& options = {}, const SourceTree* templates = nullptr) {
  DiskTree calendars(shipped_calendars());
  CompileInputs inputs;
  inputs.calendars = &calendars;
  inputs.templates = templates;
  inputs.bind = options;
  return compile(inputs);
}

// The shipped calendars plus documents read from files (fixtures, shown as calendars/fixtures/<name>),
// compiled together in memory.
inline std::unique_ptr<Loaded> load_shipped_with(const std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  auto read = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  MemoryTree calendars("calendars");
  fs::path root(shipped_calendars());
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.path().extension() == ".toml") calendars.add(fs::relative(e.path(), root).generic_string(), read(e.path()));
  for (const std::string& path : files) calendars.add("fixtures/" + fs::path(path).filename().string(), read(path));
  CompileInputs inputs;
  inputs.calendars = &calendars;
  return compile(inputs);
}

// Documents given as text (path, TOML), compiled on their own, in memory.
inline std::unique_ptr<Loaded> load_texts(const std::vector<std::pair<std::string, std::string>>& docs) {
  MemoryTree calendars;
  for (const auto& [path, text] : docs) calendars.add(path, text);
  CompileInputs inputs;
  inputs.calendars = &calendars;
  return compile(inputs);
}

// The feed `id` of `feeds` (fails the test when there is none), and an event of it by key.
inline const Feed& feed(const std::vector<Feed>& feeds, const std::string& id) {
  for (const Feed& f : feeds)
    if (f.id == id) return f;
  FAIL("no feed " << id);
  return feeds.front();
}
inline const FeedEvent* event(const Feed& f, const std::string& key) {
  for (const FeedEvent& e : f.events)
    if (e.key == key) return &e;
  return nullptr;
}

} // namespace kaowu::testing
