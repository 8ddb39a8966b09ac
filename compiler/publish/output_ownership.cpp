#include "publish/output_ownership.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "io/open_beneath.hpp"
#include "publish/build_stamp.hpp"

namespace kaowu {
namespace {

constexpr size_t kNamesShown = 5;

struct Walk {
  const std::unordered_set<std::string>& listed;
  const std::function<bool(const std::string&, int)>& rewritten;
  ForeignEntries found;

  void foreign(const std::string& path) {
    ++found.count;
    if (found.first.size() < kNamesShown) found.first.push_back(path);
  }

  // The names in the folder open at `fd` (which this closes), sorted: the same walk every time.
  std::vector<std::string> names(int fd) {
    std::vector<std::string> out;
    DIR* d = ::fdopendir(fd);
    if (!d) {
      ::close(fd);
      found.error = errno;
      return out;
    }
    errno = 0;
    while (dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") out.push_back(std::move(name));
    }
    if (errno != 0) found.error = errno;
    ::closedir(d);
    std::sort(out.begin(), out.end());
    return out;
  }

  // True when everything below the folder `path` ("" for the root) is kaowu's.
  bool folder(int dir_fd, const std::string& path, int depth) {
    int fd = ::openat(dir_fd, path.empty() ? "." : path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
      found.error = errno;
      foreign(path);
      return false;
    }
    std::vector<std::string> entries = names(fd);
    bool ours = true;
    for (const std::string& name : entries) {
      std::string rel = path.empty() ? name : path + "/" + name;
      struct stat st;
      if (::fstatat(dir_fd, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) continue; // removed meanwhile: nothing of the user's is lost
        found.error = errno;
        foreign(rel);
        ours = false;
      } else if (S_ISDIR(st.st_mode)) {
        bool inner = depth < kMaxOutputDepth && folder(dir_fd, rel, depth + 1);
        if (depth >= kMaxOutputDepth) foreign(rel);
        ours = ours && inner;
      } else if (S_ISREG(st.st_mode) && (path.empty() && name == kStampFile)) {
        // the stamp itself
      } else if (S_ISREG(st.st_mode) && listed.count(rel)) {
        // written by kaowu, by the stamp
      } else if (S_ISREG(st.st_mode) && same_as_new(dir_fd, rel)) {
        // the new build writes these very bytes
      } else {
        foreign(rel);
        ours = false;
      }
    }
    if (entries.empty() && !path.empty()) {
      foreign(path + "/");
      return false;
    }
    return ours;
  }

  bool same_as_new(int dir_fd, const std::string& rel) {
    int fd = open_file_beneath(dir_fd, rel);
    if (fd < 0) return false;
    bool same = rewritten(rel, fd);
    ::close(fd);
    return same;
  }
};

} // namespace

ForeignEntries foreign_entries(int dir_fd, const std::unordered_set<std::string>& listed,
                               const std::function<bool(const std::string&, int)>& rewritten) {
  Walk walk{listed, rewritten, {}};
  walk.folder(dir_fd, "", 0);
  return walk.found;
}

} // namespace kaowu
