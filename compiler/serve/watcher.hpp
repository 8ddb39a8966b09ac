#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kaowu {

// Watches the input trees of a project with inotify: every directory below each root, the roots
// themselves, and their parent folders (so a notices/ or templates/ made after serve started is
// watched from then on). Editors save by writing in place or by renaming a new file over the old
// one; both show up as a change.
class Watcher {
public:
  explicit Watcher(std::vector<std::string> roots);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  bool ok() const { return fd_ >= 0; }
  const std::string& error() const { return error_; }
  int fd() const { return fd_; }
  // Reads the pending events (the fd is non-blocking); true when one touched an input. Watches
  // directories that appeared since.
  bool drain();

private:
  void watch_tree(const std::string& dir, int depth);
  void watch_one(const std::string& dir, bool tree);
  int fd_ = -1;
  std::string error_;
  std::vector<std::string> roots_;
  std::map<int, std::pair<std::string, bool>> dirs_; // watch descriptor -> directory, inside a root
};

} // namespace kaowu
