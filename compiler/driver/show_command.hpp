#pragma once
#include <iosfwd>
#include <string>

#include "diag/printer.hpp"

namespace CLI {
class App;
}

namespace kaowu {

// `kaowu show CALENDAR`: what the calendar publishes, phase by phase, as it inherits it.
struct ShowRequest {
  std::string calendar;
  std::string source; // -s DIR: the project (default: the current directory)
  Lang lang = Lang::zh;
  bool color = false;
};

CLI::App* add_show_command(CLI::App& app, ShowRequest& request, std::string& lang);

// Each phase's effective dates as the calendar publishes them (its own, or inherited from the
// calendar above), its marks (待确认, 预计, widens, opts_out), and the file:line each comes from;
// in Chinese by default, English with --lang en. A CALENDAR that does not exist: exit 2 with the
// ids that do ("did you mean"); a project with errors: its diagnostics, exit 1.
int run_show(const ShowRequest& request, std::ostream& out, std::ostream& err);

} // namespace kaowu
