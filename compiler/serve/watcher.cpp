#include "serve/watcher.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kaowu {
namespace fs = std::filesystem;

namespace {
constexpr uint32_t kTreeMask = IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                               IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;
constexpr uint32_t kParentMask = IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM;
// Input trees are a few folders deep (tree_walk.hpp bounds them too); a link loop ends here.
constexpr int kMaxDepth = 16;
} // namespace

Watcher::Watcher(std::vector<std::string> roots) : roots_(std::move(roots)) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    error_ = std::strerror(errno);
    return;
  }
  for (const std::string& root : roots_) {
    fs::path parent = fs::path(root).parent_path();
    watch_one(parent.empty() ? "." : parent.string(), false);
    watch_tree(root, 0);
  }
}

Watcher::~Watcher() {
  if (fd_ >= 0) ::close(fd_);
}

void Watcher::watch_one(const std::string& dir, bool tree) {
  int wd = ::inotify_add_watch(fd_, dir.c_str(), (tree ? kTreeMask : kParentMask) | IN_MASK_ADD);
  if (wd < 0) return; // gone already, or not a directory: the next event says so
  auto& entry = dirs_[wd];
  entry.first = dir;
  entry.second = entry.second || tree;
}

void Watcher::watch_tree(const std::string& dir, int depth) {
  std::error_code ec;
  if (depth > kMaxDepth || !fs::is_directory(dir, ec)) return;
  watch_one(dir, true);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec)) watch_tree(it->path().string(), depth + 1);
}

bool Watcher::drain() {
  alignas(inotify_event) char buf[16384];
  bool changed = false;
  while (true) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break; // EAGAIN: nothing more for now
    for (char* p = buf; p < buf + n;) {
      auto* e = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + e->len;
      if (e->mask & IN_Q_OVERFLOW) {
        changed = true; // events were lost: rebuild, and watch whatever is there now
        for (const std::string& root : roots_) watch_tree(root, 0);
        continue;
      }
      auto it = dirs_.find(e->wd);
      if (it == dirs_.end()) continue;
      std::string dir = it->second.first;
      bool in_tree = it->second.second;
      if (e->mask & IN_IGNORED) {
        dirs_.erase(it);
        continue;
      }
      std::string name = e->len ? std::string(e->name) : std::string();
      std::string path = name.empty() ? dir : (fs::path(dir) / name).string();
      if (!in_tree) {
        // A parent folder: only its input roots matter (templates/ made, notices/ removed …).
        for (const std::string& root : roots_)
          if (fs::path(root).lexically_normal() == fs::path(path).lexically_normal()) {
            changed = true;
            if (e->mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(root, 0);
          }
        continue;
      }
      changed = true;
      if ((e->mask & (IN_CREATE | IN_MOVED_TO)) && (e->mask & IN_ISDIR)) watch_tree(path, 0);
    }
  }
  return changed;
}

} // namespace kaowu
