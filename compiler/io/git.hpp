#pragma once
#include <string>

namespace kaowu {

// What kaowu asks of git, with every argument placed where git cannot read it as an option: a
// revision is resolved to a commit id before anything else is done with it, a path is only ever
// the value of -C, and nothing is parsed out of git's text but a commit id.
struct GitAnswer {
  bool ok = false;
  std::string value; // the commit id
  // Why not, in English and Chinese: not a checkout, no such revision (named), git missing.
  std::string error_en, error_zh;
};

// The commit `rev` names in the checkout that holds `dir`: `rev-parse --verify --end-of-options
// REV^{commit}`, so "--output=x" is a revision nobody has, never an option.
GitAnswer git_resolve_commit(const std::string& dir, const std::string& rev);

// Writes the folder `dir` as `commit` (a resolved id) had it, as a tar archive, to `tar_fd`.
GitAnswer git_archive_folder(const std::string& dir, const std::string& commit, int tar_fd);

} // namespace kaowu
