#include "io/program_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kaowu {
namespace {

constexpr size_t kErrorsKept = 64u << 10;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Reads both pipes until both close, keeping at most the limits: a program that writes much
// to one never blocks on the other.
void drain(int& out, int& err, size_t out_limit, std::string& out_text, std::string& err_text) {
  char buf[65536];
  while (out >= 0 || err >= 0) {
    pollfd fds[2] = {{out, POLLIN, 0}, {err, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      int& fd = i == 0 ? out : err;
      if (fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close_fd(fd);
        continue;
      }
      std::string& text = i == 0 ? out_text : err_text;
      size_t limit = i == 0 ? out_limit : kErrorsKept;
      if (text.size() < limit) text.append(buf, std::min(static_cast<size_t>(n), limit - text.size()));
    }
  }
  close_fd(out);
  close_fd(err);
}

} // namespace

ProgramResult run_program(const ProgramRun& run) {
  ProgramResult result;
  if (run.argv.empty()) {
    result.failure = "no program";
    return result;
  }
  int out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1}, exec_pipe[2] = {-1, -1};
  if ((run.stdout_fd < 0 && ::pipe2(out_pipe, O_CLOEXEC) != 0) || ::pipe2(err_pipe, O_CLOEXEC) != 0 ||
      ::pipe2(exec_pipe, O_CLOEXEC) != 0) {
    result.failure = run.argv[0] + ": " + std::strerror(errno);
    for (int* p : {out_pipe, err_pipe, exec_pipe})
      for (int i = 0; i < 2; ++i) close_fd(p[i]);
    return result;
  }
  std::vector<char*> args;
  for (const std::string& a : run.argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = run.stdin_fd >= 0 ? run.stdin_fd : ::open("/dev/null", O_RDONLY);
    int out = run.stdout_fd >= 0 ? run.stdout_fd : out_pipe[1];
    if (in < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err_pipe[1], 2) < 0) ::_exit(127);
    ::execvp(args[0], args.data());
    int error = errno; // tells the parent why, through the pipe exec would have closed
    [[maybe_unused]] ssize_t n = ::write(exec_pipe[1], &error, sizeof error);
    ::_exit(127);
  }
  int fork_error = errno;
  close_fd(out_pipe[1]);
  close_fd(err_pipe[1]);
  close_fd(exec_pipe[1]);
  if (pid < 0) {
    result.failure = run.argv[0] + ": " + std::strerror(fork_error);
    close_fd(out_pipe[0]);
    close_fd(err_pipe[0]);
    close_fd(exec_pipe[0]);
    return result;
  }
  drain(out_pipe[0], err_pipe[0], run.output_limit, result.output, result.errors);
  int exec_error = 0;
  ssize_t got = 0;
  do got = ::read(exec_pipe[0], &exec_error, sizeof exec_error);
  while (got < 0 && errno == EINTR);
  close_fd(exec_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (got == static_cast<ssize_t>(sizeof exec_error)) {
    result.failure = run.argv[0] + ": " + std::strerror(exec_error);
    return result;
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

} // namespace kaowu
