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
bool write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  // Readable by the web server whatever the umask of whoever builds: the same tree every time.
  if (::fchmod(fd, 0644) != 0) {
    ::close(fd);
    return false;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return ::close(fd) == 0;
}

void fail(DiagnosticSink& sink, const std::string& where, const std::string& what) {
  sink.report(DiagKind::io_error, Location{where, 0, 0, 0}, {what});
}

// Writes every artifact below `root`, whose directories already exist, on up to `threads`
// threads. Each file is written by exactly one thread, so the tree is the same whatever the
// interleaving. Returns the index of a file that could not be written, if any.
std::optional<size_t> write_all(const fs::path& root, const Artifacts& artifacts, unsigned threads) {
  std::vector<std::optional<size_t>> failed(threads);
  auto work = [&](unsigned t) {
    for (size_t i = t; i < artifacts.size(); i += threads)
      if (!write_file(root / artifacts[i].path, artifacts[i].bytes)) {
        failed[t] = i;
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

// Temporary trees left by builds that were killed before they could clean up. A tree whose
// build is still running (a second `kaowu build` started meanwhile) is left alone: removing it
// would fail that build.
void remove_stale_temporaries(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string pid_text = name.substr(prefix.size());
    bool digits = !pid_text.empty() && pid_text.size() < 10 &&
                  pid_text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      pid_t pid = static_cast<pid_t>(std::stol(pid_text));
      if (pid != ::getpid() && (::kill(pid, 0) == 0 || errno == EPERM)) continue;
    }
    std::error_code remove_ec;
    fs::remove_all(it->path(), remove_ec);
  }
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
  fs::path out = fs::absolute(fs::path(output_dir), ec).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  fs::path parent = out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    fail(sink, output_dir, "cannot create '" + parent.string() + "': " + ec.message());
    return false;
  }
  std::string prefix = "." + out.filename().string() + ".kaowu-";
  remove_stale_temporaries(parent, prefix);
  fs::path staging = parent / (prefix + std::to_string(::getpid()));
  fs::remove_all(staging, ec);
  fs::create_directory(staging, ec);
  if (ec) {
    fail(sink, output_dir, "cannot create '" + staging.string() + "': " + ec.message());
    return false;
  }
  std::set<std::string> written;
  std::set<fs::path> directories; // every directory below staging, parents sort before children
  for (const Artifact& a : artifacts) {
    if (!is_safe_artifact_path(a.path) || !written.insert(a.path).second) {
      fail(sink, output_dir, "refusing to write unsafe or duplicate path '" + a.path + "'");
      fs::remove_all(staging, ec);
      return false;
    }
    for (fs::path dir = (staging / a.path).parent_path(); dir != staging && directories.insert(dir).second;)
      dir = dir.parent_path();
  }
  // Directories get fixed permissions too (create_directory applies the umask).
  fs::permissions(staging, fs::perms(0755), ec);
  for (const fs::path& dir : directories) {
    if (!ec) fs::create_directory(dir, ec);
    if (!ec) fs::permissions(dir, fs::perms(0755), ec);
    if (ec) {
      fail(sink, output_dir, "cannot create '" + dir.string() + "': " + ec.message());
      fs::remove_all(staging, ec);
      return false;
    }
  }
  if (auto bad = write_all(staging, artifacts, writer_threads(artifacts.size()))) {
    fail(sink, output_dir, "cannot write '" + (staging / artifacts[*bad].path).string() + "'");
    fs::remove_all(staging, ec);
    return false;
  }
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) {
      fail(sink, output_dir, "'" + out.string() + "' exists and is not a directory");
      fs::remove_all(staging, ec);
      return false;
    }
    if (holds_sources(out)) {
      fail(sink, output_dir, "refusing to replace '" + out.string() +
                                 "': it holds sources (.git, *.toml or *.mustache); choose another output directory");
      fs::remove_all(staging, ec);
      return false;
    }
    // One atomic step: readers see the old tree or the new one, never a mixture or nothing.
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0) {
      fail(sink, output_dir, std::string("cannot replace the output: ") + std::strerror(errno));
      fs::remove_all(staging, ec);
      return false;
    }
    fs::remove_all(staging, ec); // now the old tree
  } else if (::rename(staging.c_str(), out.c_str()) != 0) {
    fail(sink, output_dir, std::string("cannot create the output: ") + std::strerror(errno));
    fs::remove_all(staging, ec);
    return false;
  }
  return true;
}

} // namespace kaowu
