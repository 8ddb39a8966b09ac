#include "publish/publisher.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

namespace kaowu {
namespace fs = std::filesystem;

bool is_safe_artifact_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (segment[0] == '.' && segment != ".htaccess" && segment != ".well-known") return false;
    start = end + 1;
  }
  return true;
}

namespace {
// The reason a write failed, in words a centre can act on: a full disk is named as such.
std::string os_reason(int error) {
  if (error == ENOSPC || error == EDQUOT)
    return std::string("the disk is full (") + std::strerror(error) + "): free some space and build again";
  return std::strerror(error);
}

// 0, or the errno of the first step that failed.
int write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  // Readable by the web server whatever the umask of whoever builds: the same tree every time.
  if (::fchmod(fd, 0644) != 0) {
    int error = errno;
    ::close(fd);
    return error;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int error = n < 0 ? errno : EIO;
      ::close(fd);
      return error;
    }
    done += static_cast<size_t>(n);
  }
  return ::close(fd) == 0 ? 0 : errno;
}

void fail(DiagnosticSink& sink, const std::string& where, const std::string& what) {
  sink.report(DiagKind::io_error, Location{where, 0, 0, 0}, {what});
}

struct WriteFailure {
  size_t index = 0; // the artifact
  int error = 0;    // its errno
};

// Writes every artifact below `root`, whose directories already exist, on up to `threads`
// threads. Each file is written by exactly one thread, so the tree is the same whatever the
// interleaving. Returns a file that could not be written, if any.
std::optional<WriteFailure> write_all(const fs::path& root, const Artifacts& artifacts, unsigned threads) {
  std::vector<std::optional<WriteFailure>> failed(threads);
  auto work = [&](unsigned t) {
    for (size_t i = t; i < artifacts.size(); i += threads)
      if (int error = write_file(root / artifacts[i].path, artifacts[i].bytes)) {
        failed[t] = WriteFailure{i, error};
        return;
      }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& th : pool) th.join();
  for (const auto& f : failed)
    if (f) return f;
  return std::nullopt;
}

// Writing thousands of small files is mostly kernel time spent copying into the page cache;
// two cores do it in about half the wall time. Small sites are not worth a thread.
unsigned writer_threads(size_t files) {
  if (files < 256) return 1;
  return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

// The staging folder: `.public.kaowu-<pid>/` beside the output holds the marker file and `site/`,
// the new tree. The marker stays in the folder until the folder is gone (the tree is exchanged
// from inside it), so a folder of that name without the marker was not made by kaowu.
constexpr const char* kStagingMarker = ".kaowu-staging";
constexpr const char* kStagingMarkerText = "kaowu staging folder: kaowu build removes it\n";

bool is_marked_staging(const fs::path& dir) {
  struct stat st;
  if (::lstat((dir / kStagingMarker).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::ifstream in(dir / kStagingMarker, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text == kStagingMarkerText;
}

// Removes a staging folder: its tree first and the marker last, so one interrupted half-way is
// still recognised and removed by the next build.
void remove_staging(const fs::path& dir) {
  std::error_code ec;
  fs::remove_all(dir / "site", ec);
  fs::remove(dir / kStagingMarker, ec);
  fs::remove(dir, ec);
}

// Staging folders left by builds that were killed before they could clean up. A folder whose
// build is still running (a second `kaowu build` started meanwhile) is left alone: removing it
// would fail that build. So is a folder without kaowu's marker: it only looks like one.
void remove_stale_staging(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0 || it->is_symlink() || !is_marked_staging(it->path())) continue;
    std::string pid_text = name.substr(prefix.size());
    bool digits = !pid_text.empty() && pid_text.size() < 10 &&
                  pid_text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      pid_t pid = static_cast<pid_t>(std::stol(pid_text));
      if (pid != ::getpid() && (::kill(pid, 0) == 0 || errno == EPERM)) continue;
    }
    remove_staging(it->path());
  }
}

// Makes the staging folder with its marker; "" or the reason it could not.
std::string make_staging(const fs::path& staging) {
  std::error_code ec;
  // One left by an earlier build that had this process id.
  if (fs::is_directory(fs::symlink_status(staging, ec)) && is_marked_staging(staging)) remove_staging(staging);
  if (!fs::create_directory(staging, ec))
    return ec ? os_reason(ec.value()) : "it exists, and kaowu did not make it (no " + std::string(kStagingMarker) + " in it)";
  if (int error = write_file(staging / kStagingMarker, kStagingMarkerText)) {
    fs::remove_all(staging, ec); // holds at most a part of the marker
    return os_reason(error);
  }
  return "";
}

// The directory to publish into. `-o` naming a symbolic link (public -> /srv/www/site-2024, as
// deployments switch sites) publishes into the link's target and leaves the link as it is.
fs::path publish_target(const std::string& output_dir) {
  std::error_code ec;
  fs::path out = fs::absolute(fs::path(output_dir), ec).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  if (fs::is_symlink(out, ec)) {
    fs::path target = fs::weakly_canonical(out, ec);
    if (!ec) return target;
  }
  return out;
}

// A directory the build must never replace: it holds sources (a repository, calendars,
// templates), not a generated site. `-o .` or `-o calendars/national` would otherwise delete them.
bool holds_sources(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir / ".git", ec)) return true;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    fs::path ext = it->path().extension();
    if (ext == ".toml" || ext == ".mustache" || it->path().filename() == ".git") return true;
  }
  return false;
}
} // namespace

bool publish(const Artifacts& artifacts, const std::string& output_dir, DiagnosticSink& sink) {
  std::error_code ec;
  fs::path out = publish_target(output_dir);
  fs::path parent = out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    fail(sink, output_dir, "cannot create '" + parent.string() + "': " + os_reason(ec.value()));
    return false;
  }
  std::string prefix = "." + out.filename().string() + ".kaowu-";
  remove_stale_staging(parent, prefix);
  fs::path staging = parent / (prefix + std::to_string(::getpid()));
  if (std::string why = make_staging(staging); !why.empty()) {
    fail(sink, output_dir, "cannot create '" + staging.string() + "': " + why);
    return false;
  }
  fs::path site = staging / "site";
  auto give_up = [&](const std::string& what) {
    fail(sink, output_dir, what);
    remove_staging(staging);
    return false;
  };
  std::set<std::string> written;
  std::set<fs::path> directories; // every directory below site/, parents sort before children
  for (const Artifact& a : artifacts) {
    if (!is_safe_artifact_path(a.path) || !written.insert(a.path).second)
      return give_up("refusing to write unsafe or duplicate path '" + a.path + "'");
    for (fs::path dir = (site / a.path).parent_path(); dir != site && directories.insert(dir).second;)
      dir = dir.parent_path();
  }
  // Directories get fixed permissions too (create_directory applies the umask).
  fs::create_directory(site, ec);
  if (!ec) fs::permissions(site, fs::perms(0755), ec);
  for (const fs::path& dir : directories) {
    if (!ec) fs::create_directory(dir, ec);
    if (!ec) fs::permissions(dir, fs::perms(0755), ec);
    if (ec) return give_up("cannot create '" + dir.string() + "': " + os_reason(ec.value()));
  }
  if (ec) return give_up("cannot create '" + site.string() + "': " + os_reason(ec.value()));
  if (auto bad = write_all(site, artifacts, writer_threads(artifacts.size())))
    return give_up("cannot write '" + (site / artifacts[bad->index].path).string() + "': " + os_reason(bad->error));
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) return give_up("'" + out.string() + "' exists and is not a directory");
    if (holds_sources(out))
      return give_up("refusing to replace '" + out.string() +
                     "': it holds sources (.git, *.toml or *.mustache); choose another output directory");
    // One atomic step: readers see the old tree or the new one, never a mixture or nothing.
    if (::renameat2(AT_FDCWD, site.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0)
      return give_up(std::string("cannot replace the output: ") + os_reason(errno));
  } else if (::rename(site.c_str(), out.c_str()) != 0) {
    return give_up(std::string("cannot create the output: ") + os_reason(errno));
  }
  remove_staging(staging); // now the old tree, if there was one
  return true;
}

} // namespace kaowu
