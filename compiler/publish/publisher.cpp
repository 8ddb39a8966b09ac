#include "publish/publisher.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <unordered_map>
#include <string_view>
#include <unordered_set>

#include "io/digest.hpp"
#include "io/open_beneath.hpp"
#include "publish/build_stamp.hpp"
#include "publish/output_ownership.hpp"

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

// True when the process's umask takes nothing from 0644 and 0755 (022, 002, 0): files and
// folders then get exactly those modes when made, and need no chmod each (thousands of calls).
bool umask_keeps_modes() {
  mode_t mask = ::umask(022);
  ::umask(mask);
  return (mask & 0755 & ~mode_t{022}) == 0;
}

// The reason a write failed, in words a centre can act on: a full disk is named as such.
std::string os_reason(int error) {
  if (error == ENOSPC || error == EDQUOT)
    return std::string("the disk is full (") + std::strerror(error) + "): free some space and build again";
  return std::strerror(error);
}
std::string os_reason_zh(int error) {
  if (error == ENOSPC || error == EDQUOT) return std::string("磁盘已满（") + std::strerror(error) + "）：请释放空间后重新生成";
  return std::strerror(error);
}

// "cannot <verb> 'path': reason" in both languages.
Bilingual cannot(const char* en, const char* zh, const std::string& path, int error) {
  return {std::string("cannot ") + en + " '" + path + "': " + os_reason(error),
          std::string("无法") + zh + "“" + path + "”：" + os_reason_zh(error)};
}

// Writes `bytes` to `path` below the directory open at `dir`, mode 0644. False with errno set when
// it could not.
bool write_file(int dir, const std::string& path, std::string_view bytes, bool chmod_needed = true) {
  int fd = ::openat(dir, path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return false;
  // Readable by the web server whatever the umask of whoever builds: the same tree every time.
  bool ok = !chmod_needed || ::fchmod(fd, 0644) == 0;
  for (size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      ok = false;
    } else {
      done += static_cast<size_t>(n);
    }
  }
  int saved = errno;
  if (::close(fd) != 0 && ok) return false;
  errno = saved;
  return ok;
}

void fail(DiagnosticSink& sink, const std::string& where, const Bilingual& what) {
  sink.report_localized(DiagKind::io_error, Location{where, 0, 0, 0}, {what.en}, {what.zh});
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

// What a build killed at either end of its staging folder's life leaves: the folder alone
// (killed between mkdir and the marker, or between the marker's removal and rmdir), or the folder
// with a marker cut short (empty, or part of its text) and nothing else, since site/ is made only
// after the marker is whole. Such a folder holds nothing, so removing it loses nothing.
bool is_unfinished_staging(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() != kStagingMarker || it->is_symlink() || !it->is_regular_file()) return false;
    std::ifstream in(it->path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (std::string_view(kStagingMarkerText).substr(0, text.size()) != text) return false;
  }
  return !ec;
}

// Removes a staging folder: its tree first and the marker last, so one interrupted half-way is
// still recognised and removed by the next build.
void remove_staging_folder(const fs::path& dir) {
  std::error_code ec;
  fs::remove_all(dir / "site", ec);
  fs::remove(dir / kStagingMarker, ec);
  fs::remove(dir, ec);
}

// Staging folders left by builds that were killed before they could clean up. A folder whose
// build is still running (a second `kaowu build` started meanwhile) is left alone: removing it
// would fail that build. So is a folder without kaowu's marker: it only looks like one.
void remove_stale_temporaries(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0 || it->is_symlink() || !it->is_directory()) continue;
    if (!is_marked_staging(it->path()) && !is_unfinished_staging(it->path())) continue;
    std::string pid_text = name.substr(prefix.size());
    bool digits = !pid_text.empty() && pid_text.size() < 10 &&
                  pid_text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      pid_t pid = static_cast<pid_t>(std::stol(pid_text));
      if (pid != ::getpid() && (::kill(pid, 0) == 0 || errno == EPERM)) continue;
    }
    remove_staging_folder(it->path());
  }
}

// Makes the staging folder with its marker; "" or the reason it could not.
std::string make_staging(const fs::path& staging) {
  std::error_code ec;
  // One left by an earlier build that had this process id.
  if (fs::is_directory(fs::symlink_status(staging, ec)) && (is_marked_staging(staging) || is_unfinished_staging(staging)))
    remove_staging_folder(staging);
  if (!fs::create_directory(staging, ec))
    return ec ? os_reason(ec.value()) : "it exists, and kaowu did not make it (no " + std::string(kStagingMarker) + " in it)";
  int dir = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  bool marked = dir >= 0 && write_file(dir, kStagingMarker, kStagingMarkerText);
  int error = errno;
  if (dir >= 0) ::close(dir);
  if (!marked) {
    fs::remove_all(staging, ec); // holds at most a part of the marker
    return os_reason(error);
  }
  return "";
}

// Swaps the finished staging tree in for `out` (or renames it to `out` when there is none yet).
// Returns false with a diagnostic; the staging tree is then left for the caller to remove.
bool swap_in(const fs::path& staging, const fs::path& out, const std::string& output_dir, DiagnosticSink& sink) {
  std::error_code ec;
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) {
      fail(sink, output_dir, {"'" + out.string() + "' exists and is not a directory", "“" + out.string() + "”已存在，但不是文件夹"});
      return false;
    }
    // One atomic step: readers see the old tree or the new one, never a mixture or nothing.
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0) {
      fail(sink, output_dir, cannot("replace the output", "替换输出文件夹", out.string(), errno));
      return false;
    }
  } else if (::rename(staging.c_str(), out.c_str()) != 0) {
    fail(sink, output_dir, cannot("create the output", "创建输出文件夹", out.string(), errno));
    return false;
  }
  return true;
}

} // namespace

struct Publisher::State {
  State(const std::string& dir, DiagnosticSink& s) : output_dir(dir), sink(s) {}
  std::string output_dir; // as given, for messages
  DiagnosticSink& sink;
  fs::path out;
  fs::path folder;  // the staging folder: its marker and site/
  fs::path staging; // folder/site, the new tree
  int staging_fd = -1;
  int previous_fd = -1; // the previous output (untrusted), whose unchanged files are linked
  bool chmod_needed = !umask_keeps_modes();
  std::unordered_set<std::string> listed;               // what its stamp says kaowu wrote there
  std::unordered_map<std::string, StampEntry> previous; // its whole stamp, by path: files to reuse
  bool ready = false, committed = false;

  std::mutex mutex; // guards everything below
  std::unordered_set<std::string> paths;       // every path put: each at most once
  std::unordered_set<std::string> directories; // made below staging
  std::vector<StampEntry> files;               // of the new output
  uint64_t bytes = 0;
  size_t written = 0;
  Bilingual failure; // the first failure, for commit() to report

  // Makes the directories above `path` in the staging tree, each once, with fixed permissions
  // (mkdir applies the umask). Under the mutex.
  bool make_parents(const std::string& path) {
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
      std::string dir = path.substr(0, slash);
      if (directories.count(dir)) continue;
      if ((::mkdirat(staging_fd, dir.c_str(), 0755) != 0 && errno != EEXIST) ||
          (chmod_needed && ::fchmodat(staging_fd, dir.c_str(), 0755, 0) != 0)) {
        failure = cannot("create", "创建", (staging / dir).string(), errno);
        return false;
      }
      directories.insert(dir);
    }
    return true;
  }

  // Links the previous output's file at `e.path` into the staging tree when it holds exactly
  // `content` (read again and compared: the stamp says where to look, never what is there), and is a
  // regular file reached without a link on the way. False (and nothing done) otherwise: the file
  // is then written.
  bool link_previous(const StampEntry& e, std::string_view content) const {
    if (previous_fd < 0) return false;
    auto found = previous.find(e.path);
    if (found == previous.end() || found->second.size != e.size || found->second.digest != e.digest) return false;
    int fd = open_file_beneath(previous_fd, e.path);
    if (fd < 0) return false;
    // The new tree must look as if written now: a file someone else owns or re-moded is written.
    struct stat st;
    bool same = ::fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0644 && st.st_uid == ::geteuid() && fd_holds(fd, content);
    // The very file compared is linked, through its descriptor, not its name, which could have
    // been replaced since.
    std::string proc = "/proc/self/fd/" + std::to_string(fd);
    bool linked = same && ::linkat(AT_FDCWD, proc.c_str(), staging_fd, e.path.c_str(), AT_SYMLINK_FOLLOW) == 0;
    ::close(fd);
    return linked;
  }

  // True when the staged file at `path` holds the same bytes as the file open at `fd`.
  bool staged_same(const std::string& path, int fd) const {
    if (!paths.count(path)) return false;
    int staged = open_file_beneath(staging_fd, path);
    if (staged < 0) return false;
    bool same = same_contents(staged, fd);
    ::close(staged);
    return same;
  }

  // True when replacing the output loses nothing of the user's (publish/output_ownership.hpp);
  // otherwise reports which files are in the way.
  bool output_is_ours() {
    if (previous_fd < 0) return true; // nothing there, or not a folder: swap_in says which
    ForeignEntries foreign =
        foreign_entries(previous_fd, listed, [this](const std::string& path, int fd) { return staged_same(path, fd); });
    if (foreign.count == 0) return true;
    std::string names;
    for (const std::string& n : foreign.first) names += (names.empty() ? "" : ", ") + n;
    std::string more_en = foreign.count > foreign.first.size() ? " and " + std::to_string(foreign.count - foreign.first.size()) + " more" : "";
    std::string more_zh = foreign.count > foreign.first.size() ? "等 " + std::to_string(foreign.count) + " 项" : "";
    std::string why_en = foreign.error ? std::string(" (") + std::strerror(foreign.error) + ")" : "";
    std::string why_zh = foreign.error ? std::string("（") + std::strerror(foreign.error) + "）" : "";
    sink.report_localized(DiagKind::output_not_ours, Location{output_dir, 0, 0, 0},
                          {out.string(), names + more_en + why_en}, {out.string(), names + more_zh + why_zh});
    return false;
  }

  void remove_staging() {
    if (staging_fd >= 0) ::close(staging_fd);
    staging_fd = -1;
    if (!folder.empty()) remove_staging_folder(folder);
  }
};

namespace {
// The directory to publish into, absolute and without a trailing '/'. `-o` naming a symbolic
// link (public -> /srv/www/site-2024, as deployments switch sites) publishes into the link's
// target and leaves the link as it is.
fs::path output_path(const std::string& output_dir) {
  std::error_code ec;
  fs::path out = fs::absolute(fs::path(output_dir), ec).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  if (fs::is_symlink(out, ec)) {
    fs::path target = fs::weakly_canonical(out, ec);
    if (!ec) return target;
  }
  return out;
}

// Staging directories beside `out` are named .<name>.kaowu-<pid>.
std::string staging_prefix(const fs::path& out) { return "." + out.filename().string() + ".kaowu-"; }
} // namespace

void remove_stale_staging(const std::string& output_dir) {
  fs::path out = output_path(output_dir);
  remove_stale_temporaries(out.parent_path(), staging_prefix(out));
}

Publisher::Publisher(const std::string& output_dir, DiagnosticSink& sink)
    : state_(std::make_unique<State>(output_dir, sink)) {
  State& s = *state_;
  std::error_code ec;
  s.out = output_path(output_dir);
  fs::path parent = s.out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    fail(sink, output_dir, cannot("create", "创建", parent.string(), ec.value()));
    return;
  }
  std::string prefix = staging_prefix(s.out);
  remove_stale_temporaries(parent, prefix);
  fs::path folder = parent / (prefix + std::to_string(::getpid()));
  if (std::string why = make_staging(folder); !why.empty()) {
    fail(sink, output_dir, {"cannot create '" + folder.string() + "': " + why, "无法创建“" + folder.string() + "”：" + why});
    return;
  }
  s.folder = folder;
  s.staging = folder / "site";
  // Directories get fixed permissions too (create_directory applies the umask).
  if (fs::create_directory(s.staging, ec) && !ec) fs::permissions(s.staging, fs::perms(0755), ec);
  if (!ec) s.staging_fd = ::open(s.staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (ec || s.staging_fd < 0) {
    fail(sink, output_dir, cannot("create", "创建", s.staging.string(), ec ? ec.value() : errno));
    s.remove_staging();
    return;
  }
  // The previous output, read as untrusted input: what its stamp lists, and, when the stamp is
  // whole, the files whose bytes may be reused.
  s.previous_fd = ::open(s.out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  if (s.previous_fd >= 0) {
    StampReading reading = read_stamp(s.previous_fd);
    s.listed.insert(reading.listed.begin(), reading.listed.end());
    if (reading.stamp)
      for (StampEntry& e : reading.stamp->files) s.previous.emplace(e.path, std::move(e));
  }
  s.ready = true;
}

Publisher::~Publisher() {
  State& s = *state_;
  if (s.previous_fd >= 0) ::close(s.previous_fd);
  if (!s.committed) s.remove_staging();
  else if (s.staging_fd >= 0) ::close(s.staging_fd);
}

bool Publisher::ok() const { return state_->ready; }

void Publisher::put(Artifact a) {
  State& s = *state_;
  if (!s.ready) return;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (!s.failure.en.empty()) return;
    if (!is_safe_artifact_path(a.path) || !s.paths.insert(a.path).second) {
      s.failure = {"refusing to write unsafe or duplicate path '" + a.path + "'", "拒绝写入不安全或重复的路径“" + a.path + "”"};
      return;
    }
    if (!s.make_parents(a.path)) return;
  }
  StampEntry e{a.path, a.bytes.size(), digest_hex(a.bytes)};
  bool linked = s.link_previous(e, a.bytes);
  if (!linked && !write_file(s.staging_fd, a.path, a.bytes, s.chmod_needed)) {
    Bilingual why = cannot("write", "写入", (s.staging / a.path).string(), errno);
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.failure.en.empty()) s.failure = std::move(why);
    return;
  }
  std::lock_guard<std::mutex> lock(s.mutex);
  s.bytes += e.size;
  if (!linked) ++s.written;
  s.files.push_back(std::move(e));
}

bool Publisher::commit(const std::string& fingerprint, bool clean) {
  State& s = *state_;
  if (!s.ready) return false;
  if (!s.failure.en.empty()) {
    fail(s.sink, s.output_dir, s.failure);
    s.remove_staging();
    return false;
  }
  // The stamp, written last: a staging tree without one was never finished.
  BuildStamp stamp{fingerprint, clean, std::move(s.files)};
  s.files.clear();
  std::sort(stamp.files.begin(), stamp.files.end(),
            [](const StampEntry& a, const StampEntry& b) { return a.path < b.path; });
  // A name with a tab or a line break cannot be recorded: such an output is never reused.
  bool recordable = std::none_of(stamp.files.begin(), stamp.files.end(), [](const StampEntry& e) {
    return e.path.find_first_of("\t\r\n") != std::string::npos;
  });
  std::string text = stamp_text(recordable ? stamp : BuildStamp{});
  if (!write_file(s.staging_fd, kStampFile, text)) {
    fail(s.sink, s.output_dir, cannot("write", "写入", (s.staging / kStampFile).string(), errno));
    s.remove_staging();
    return false;
  }
  s.files = std::move(stamp.files);
  if (!s.output_is_ours()) {
    s.remove_staging();
    return false;
  }
  if (!swap_in(s.staging, s.out, s.output_dir, s.sink)) {
    s.remove_staging();
    return false;
  }
  s.committed = true;
  if (s.staging_fd >= 0) ::close(s.staging_fd);
  s.staging_fd = -1;
  remove_staging_folder(s.folder); // site/ is now the old tree, if there was one
  return true;
}

Publisher::Counts Publisher::counts() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return Counts{state_->files.size(), state_->bytes, state_->written};
}

bool publish(const Artifacts& artifacts, const std::string& output_dir, DiagnosticSink& sink) {
  Publisher publisher(output_dir, sink);
  if (!publisher.ok()) return false;
  for (const Artifact& a : artifacts) publisher.put(a);
  return publisher.commit("");
}

} // namespace kaowu
