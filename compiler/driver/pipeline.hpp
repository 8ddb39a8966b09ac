#pragma once
#include <iosfwd>
#include <memory>
#include <string>

#include "diag/printer.hpp"
#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "model/resolved.hpp"
#include "render/render_all.hpp"

namespace kaowu {

struct RunOptions {
  std::string calendars_dir;
  std::string output_dir; // build only
  SiteInputs site;
  Lang lang = Lang::zh;
  bool json = false;
  bool deny_warnings = false;
  bool color = false;
};

// The front half of every command: load -> resolve -> check. Owns what it read so the
// resolved model's pointers stay valid.
struct Compilation {
  SourceMap sources;
  DiagnosticSink sink;
  Project project;
  ResolvedProject resolved;
};

// Loads, resolves and checks. The compilation is heap-allocated because the resolved model
// points into its project.
std::unique_ptr<Compilation> compile(const std::string& calendars_dir);

// `kaowu check` and `kaowu build`; they print diagnostics to `err` (or JSON to `out`) and return
// the exit code: 0 clean, 1 input errors (or warnings with --deny-warnings), 2 I/O trouble.
int run_check(const RunOptions& options, std::ostream& out, std::ostream& err);
int run_build(const RunOptions& options, std::ostream& out, std::ostream& err);

} // namespace kaowu
