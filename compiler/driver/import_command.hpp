#pragma once
#include <iosfwd>
#include <string>

#include "diag/printer.hpp"

namespace CLI {
class App;
}

namespace kaowu {

// `kaowu import NOTICE [-o FILE] [--parent ID] [--level L] [--id ID]` and
// `kaowu import --confirm FILE`, as the command line gave them.
struct ImportRequest {
  std::string notice;  // NOTICE, or the draft to confirm
  std::string output;  // -o FILE (empty: standard output)
  std::string parent, level, id;
  std::string review;  // --review OUT.html: the review page
  std::string source;  // -s DIR: the project that holds --parent (default: the current directory)
  bool confirm = false;
  bool holidays = false; // NOTICE is the State Council's holidays notice: write a holidays file
  Lang lang = Lang::zh;
  bool color = false;
};

CLI::App* add_import_command(CLI::App& app, ImportRequest& request, std::string& lang);

// Drafts a calendar from the notice (never over an existing file: exit 2, named), or deletes
// every `imported` mark of a draft. Diagnostics of the notice (a weekday that contradicts its
// date, a dated line left out) go to `err` with its line and column.
int run_import(const ImportRequest& request, std::ostream& out, std::ostream& err);

} // namespace kaowu
