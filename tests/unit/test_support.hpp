#pragma once
// Helpers shared by the unit tests: load the shipped calendars (optionally with extra documents)
// and run the front half of the pipeline in memory.
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "load/loader.hpp"
#include "model/resolved.hpp"
#include "resolve/resolver.hpp"

namespace kaowu::testing {

struct Loaded {
  SourceMap sources;
  DiagnosticSink sink;
  Project project;
  ResolvedProject resolved;
};

inline std::string shipped_calendars() { return std::string(KAOWU_SOURCE_DIR) + "/calendars"; }

// The shipped calendars, resolved and checked.
inline std::unique_ptr<Loaded> load_shipped() {
  auto l = std::make_unique<Loaded>();
  l->project = load_project(shipped_calendars(), l->sink, l->sources);
  l->resolved = resolve(l->project, l->sink);
  check(l->resolved, l->sink);
  return l;
}

// The shipped calendars plus documents read from files (fixtures), resolved and checked together.
inline std::unique_ptr<Loaded> load_shipped_with(const std::vector<std::string>& files) {
  auto l = std::make_unique<Loaded>();
  l->project = load_project(shipped_calendars(), l->sink, l->sources);
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    load_document(text, path, l->project, l->sink);
    l->sources.add(path, text);
  }
  l->resolved = resolve(l->project, l->sink);
  check(l->resolved, l->sink);
  return l;
}

// Documents given as text (path, TOML), resolved and checked on their own.
inline std::unique_ptr<Loaded> load_texts(const std::vector<std::pair<std::string, std::string>>& docs) {
  auto l = std::make_unique<Loaded>();
  for (const auto& [path, text] : docs) {
    load_document(text, path, l->project, l->sink);
    l->sources.add(path, text);
  }
  l->resolved = resolve(l->project, l->sink);
  check(l->resolved, l->sink);
  return l;
}

} // namespace kaowu::testing
