#include "io/open_beneath.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kaowu {
namespace {

bool climbs_or_absolute(const std::string& path) {
  if (path.empty() || path.front() == '/') return true;
  for (size_t start = 0; start <= path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view segment(path.data() + start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

constexpr int kReadFlags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY;

// Linux 5.6 and later: one call that refuses every link and every escape on the way.
int open_with_openat2(int dir_fd, const std::string& path) {
  open_how how;
  std::memset(&how, 0, sizeof how);
  how.flags = static_cast<uint64_t>(kReadFlags);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
  return static_cast<int>(::syscall(SYS_openat2, dir_fd, path.c_str(), &how, sizeof how));
}

// Older kernels: one folder at a time, each opened without following a link.
int open_by_components(int dir_fd, const std::string& path) {
  int at = dir_fd;
  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1) {
    std::string segment = path.substr(start, slash - start);
    int next = ::openat(at, segment.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int error = errno;
    if (at != dir_fd) ::close(at);
    if (next < 0) {
      errno = error;
      return -1;
    }
    at = next;
  }
  int fd = ::openat(at, path.c_str() + start, kReadFlags);
  int error = errno;
  if (at != dir_fd) ::close(at);
  errno = error;
  return fd;
}

} // namespace

int open_file_beneath(int dir_fd, const std::string& path) {
  if (climbs_or_absolute(path)) {
    errno = EINVAL;
    return -1;
  }
  static bool have_openat2 = true; // a race only costs the fallback one extra failed call
  int fd = -1;
  if (have_openat2) {
    fd = open_with_openat2(dir_fd, path);
    if (fd < 0 && (errno == ENOSYS || errno == EPERM)) have_openat2 = false; // EPERM: a seccomp filter
  }
  if (!have_openat2) fd = open_by_components(dir_fd, path);
  if (fd < 0) return -1;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    errno = EINVAL;
    return -1;
  }
  return fd;
}

bool read_fd(int fd, size_t limit, std::string& out) {
  out.clear();
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) <= limit)
    out.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    if (out.size() + static_cast<size_t>(n) > limit) {
      out.append(buf, limit - out.size());
      errno = EFBIG;
      return false;
    }
    out.append(buf, static_cast<size_t>(n));
  }
}

bool fd_holds(int fd, std::string_view bytes) {
  struct stat st;
  if (::fstat(fd, &st) != 0 || static_cast<uint64_t>(st.st_size) != bytes.size()) return false;
  char buf[65536];
  size_t done = 0;
  while (true) {
    ssize_t n = ::pread(fd, buf, sizeof buf, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return done == bytes.size();
    if (done + static_cast<size_t>(n) > bytes.size() || std::memcmp(buf, bytes.data() + done, static_cast<size_t>(n)) != 0)
      return false;
    done += static_cast<size_t>(n);
  }
}

bool same_contents(int a, int b) {
  struct stat sa, sb;
  if (::fstat(a, &sa) != 0 || ::fstat(b, &sb) != 0 || sa.st_size != sb.st_size) return false;
  char ba[65536], bb[65536];
  for (off_t at = 0; at < sa.st_size;) {
    ssize_t na = ::pread(a, ba, sizeof ba, at);
    if (na < 0 && errno == EINTR) continue;
    if (na <= 0) return false;
    ssize_t nb = 0;
    while (nb < na) {
      ssize_t n = ::pread(b, bb + nb, static_cast<size_t>(na - nb), at + nb);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      nb += n;
    }
    if (std::memcmp(ba, bb, static_cast<size_t>(na)) != 0) return false;
    at += na;
  }
  return true;
}

} // namespace kaowu
