#pragma once
#include <iosfwd>
#include <string>

#include <memory>

#include "diag/printer.hpp"
#include "driver/project.hpp"
#include "pipeline/compile.hpp"

namespace CLI {
class App;
}

namespace kaowu {

// `kaowu new project DIR`, `kaowu new region PARENT ID`, `kaowu new site PARENT ID` and
// `kaowu new notice CALENDAR NAME`, as the command line gave them.
struct NewRequest {
  CLI::App* project = nullptr; // the subcommands, to tell which one ran
  CLI::App* region = nullptr;
  CLI::App* site = nullptr;
  CLI::App* notice = nullptr;
  std::string first, second; // DIR; PARENT ID; CALENDAR NAME
  std::string source;        // -s DIR: the project (default: the current directory)
  Lang lang = Lang::zh;
  bool color = false;
};

// Registers `new` and its four subcommands on `app`.
CLI::App* add_new_command(CLI::App& app, NewRequest& request, std::string& lang);

// Writes what was asked, never over an existing file, and prints what it wrote and what to do
// next. A bad id, a PARENT or CALENDAR that does not exist, a file that exists: the argument
// is shown with a caret and the error's code, exit 2. A project that does not check: its
// diagnostics, exit 1.
int run_new(const NewRequest& request, std::ostream& out, std::ostream& err);

// The project named by -s (request.source, or the current directory), compiled; nothing, with
// the message printed and `rc` set (2: no project, 1: it has errors), when it cannot be read.
std::unique_ptr<Compilation> compile_project(const NewRequest& request, ProjectPaths& paths, std::ostream& err, int& rc);

} // namespace kaowu
