#pragma once
#include <memory>

#include "bind/bind.hpp"
#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "io/source_tree.hpp"
#include "load/site_sources.hpp"
#include "model/project.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// The inputs of one compilation: where to read (trees, on disk or in memory) and how to bind.
struct CompileInputs {
  const SourceTree* calendars = nullptr; // required
  const SourceTree* notices = nullptr;   // none: the site has no notices
  const SourceTree* templates = nullptr; // none: the built-in templates
  // The output of the previous `kaowu build` (public/ or -o), when there is one: dates changed
  // since then with no revision recorded are warned of (bind/previous_build.hpp).
  const SourceTree* previous = nullptr;
  BindOptions bind;
};

// Everything one compilation read and made. It owns what it read, so the resolved model's and
// the bound site's pointers into it stay valid; heap-allocated so it never moves.
struct Compilation {
  SourceMap sources;
  DiagnosticSink sink;
  Project project;
  ResolvedProject resolved;
  SiteSources site;
  BoundSite bound;
};

// load -> resolve -> check -> bind: the one front half of every command. `kaowu check` reports
// its sink; `kaowu build`, the tests and the fuzzer render its bound site. Never throws for bad
// input.
std::unique_ptr<Compilation> compile(const CompileInputs& inputs);

} // namespace kaowu
