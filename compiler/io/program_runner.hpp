#pragma once
#include <string>
#include <vector>

namespace kaowu {

// The one place kaowu runs another program (git, tar). It never goes through a shell: each
// argument reaches the program as it is, so a user's text is never split, expanded or quoted.
// Callers still put a user's value where the program cannot read it as an option (after `--` or
// `--end-of-options`, or as the value of an option that takes one): this runner cannot know the
// program's grammar, the caller's function (io/git.hpp) does.
struct ProgramRun {
  std::vector<std::string> argv; // argv[0] is looked up on PATH
  int stdin_fd = -1;             // -1: /dev/null
  int stdout_fd = -1;            // -1: captured into `ProgramResult::output`
  size_t output_limit = 1u << 20; // captured bytes kept; the rest is read and dropped
};

struct ProgramResult {
  int status = -1;       // the exit status; -1 when it did not run or died by a signal
  std::string output;    // captured standard output
  std::string errors;    // its standard error (at most 64 KiB), for the message
  std::string failure;   // why it did not run ("git: No such file or directory"), else ""
};

ProgramResult run_program(const ProgramRun& run);

} // namespace kaowu
