#include "io/git.hpp"

#include "io/program_runner.hpp"

namespace kaowu {
namespace {

bool is_commit_id(const std::string& s) {
  return (s.size() == 40 || s.size() == 64) && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

GitAnswer failed(std::string en, std::string zh) {
  GitAnswer a;
  a.error_en = std::move(en);
  a.error_zh = std::move(zh);
  return a;
}

} // namespace

GitAnswer git_resolve_commit(const std::string& dir, const std::string& rev) {
  ProgramResult inside = run_program({{"git", "-C", dir, "rev-parse", "--is-inside-work-tree"}});
  if (!inside.failure.empty())
    return failed("cannot run git (" + inside.failure + "): kaowu diff --since needs git",
                  "无法运行 git（" + inside.failure + "）：kaowu diff --since 需要 git");
  if (inside.status != 0 || trimmed(inside.output) != "true")
    return failed("'" + dir + "' is not in a git checkout (kaowu diff --since needs one; give two directories instead)",
                  "“" + dir + "”不在 git 仓库中（kaowu diff --since 需要 git 仓库；也可以给出两个目录比较）");
  ProgramResult r = run_program({{"git", "-C", dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"}});
  std::string id = trimmed(r.output);
  if (r.status != 0 || !is_commit_id(id))
    return failed("'" + rev + "' names no commit of the git checkout at '" + dir + "'",
                  "“" + rev + "”不是“" + dir + "”所在 git 仓库中的提交");
  GitAnswer a;
  a.ok = true;
  a.value = id;
  return a;
}

GitAnswer git_archive_folder(const std::string& dir, const std::string& commit, int tar_fd) {
  if (!is_commit_id(commit)) return failed("'" + commit + "' is not a commit id", "“" + commit + "”不是提交编号");
  // Given a commit (not a tree), git archive run in a sub-folder (-C dir) archives that folder,
  // its paths relative to it: no path goes through git's text either way.
  ProgramRun run{{"git", "-C", dir, "archive", "--format=tar", commit}};
  run.stdout_fd = tar_fd;
  ProgramResult r = run_program(run);
  if (r.status != 0) {
    std::string why = trimmed(r.failure.empty() ? r.errors : r.failure);
    return failed("commit " + commit.substr(0, 12) + " has no '" + dir + "' (git archive: " + why + ")",
                  "提交 " + commit.substr(0, 12) + " 中没有“" + dir + "”（git archive：" + why + "）");
  }
  GitAnswer a;
  a.ok = true;
  return a;
}

} // namespace kaowu
