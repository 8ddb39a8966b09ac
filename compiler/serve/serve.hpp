#pragma once
#include <iosfwd>
#include <string>

#include "driver/pipeline.hpp"
#include "driver/project.hpp"

namespace kaowu {

struct ServeOptions {
  RunOptions run;          // what to compile (templates_dir "" : the project's, if it has one, else built in)
  ProjectPaths project;    // watched: calendars/, notices/, templates/
  bool templates_given = false; // --templates named a directory: use it even if it vanishes
  std::string bind = "127.0.0.1";
  int port = 8080;         // 0: any free port
};

// `kaowu serve`: builds the project into memory and serves it over HTTP until Ctrl-C (SIGINT or
// SIGTERM), rebuilding when a calendar, notice or template changes, and making open pages reload.
// Prints the address on `out` once it serves; diagnostics and rebuilds on `err`. Never writes.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

} // namespace kaowu
