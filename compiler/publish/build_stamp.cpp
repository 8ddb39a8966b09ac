#include "publish/build_stamp.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

namespace kaowu {

namespace {

constexpr std::string_view kHeader = "kaowu build stamp 1\n";
constexpr std::string_view kFingerprint = "fingerprint ";
constexpr std::string_view kClean = "clean yes";
constexpr std::string_view kNotClean = "clean no";

template <class T>
bool parse_number(std::string_view text, T& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Splits `line` at tabs into exactly `n` fields.
bool fields(std::string_view line, std::string_view* out, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    size_t tab = line.find('\t');
    if ((tab == std::string_view::npos) != (i + 1 == n)) return false;
    out[i] = line.substr(0, tab);
    if (tab != std::string_view::npos) line.remove_prefix(tab + 1);
  }
  return true;
}

int64_t mtime_ns(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

} // namespace

std::string stamp_text(const BuildStamp& stamp) {
  std::string out(kHeader);
  out += kFingerprint;
  out += stamp.fingerprint.empty() ? "-" : stamp.fingerprint;
  out += '\n';
  out += stamp.clean ? kClean : kNotClean;
  out += '\n';
  for (const StampEntry& e : stamp.files)
    out += e.path + '\t' + std::to_string(e.size) + '\t' + e.digest + '\n';
  return out;
}

std::optional<BuildStamp> parse_stamp(std::string_view text) {
  if (text.substr(0, kHeader.size()) != kHeader) return std::nullopt;
  text.remove_prefix(kHeader.size());
  BuildStamp stamp;
  int header_lines = 2; // fingerprint, clean
  while (!text.empty()) {
    size_t eol = text.find('\n');
    if (eol == std::string_view::npos) return std::nullopt; // cut short
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol + 1);
    if (header_lines == 2) {
      if (line.substr(0, kFingerprint.size()) != kFingerprint) return std::nullopt;
      line.remove_prefix(kFingerprint.size());
      if (line != "-") stamp.fingerprint = std::string(line);
      --header_lines;
      continue;
    }
    if (header_lines == 1) {
      if (line != kClean && line != kNotClean) return std::nullopt;
      stamp.clean = line == kClean;
      --header_lines;
      continue;
    }
    std::string_view f[3];
    StampEntry e;
    if (!fields(line, f, 3) || f[0].empty() || !parse_number(f[1], e.size) || f[2].size() != 32) return std::nullopt;
    e.path = std::string(f[0]);
    e.digest = std::string(f[2]);
    stamp.files.push_back(std::move(e));
  }
  if (header_lines > 0) return std::nullopt;
  return stamp;
}

std::optional<BuildStamp> read_stamp(int dir_fd) {
  int fd = ::openat(dir_fd, kStampFile, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string text;
  char buf[65536];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return std::nullopt;
    }
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  std::optional<BuildStamp> stamp = parse_stamp(text);
  if (stamp) stamp->written_ns = mtime_ns(st);
  return stamp;
}

bool still_as_recorded(int dir_fd, const StampEntry& entry, int64_t written_ns) {
  struct stat st;
  if (::fstatat(dir_fd, entry.path.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return false;
  return S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) == entry.size && mtime_ns(st) <= written_ns;
}

bool output_up_to_date(const std::string& output_dir, const std::string& fingerprint, bool clean) {
  if (fingerprint.empty()) return false;
  int dir = ::open(output_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return false;
  std::optional<BuildStamp> stamp = read_stamp(dir);
  bool ok = stamp && stamp->fingerprint == fingerprint && !stamp->files.empty() && (!clean || stamp->clean);
  for (size_t i = 0; ok && i < stamp->files.size(); ++i) ok = still_as_recorded(dir, stamp->files[i], stamp->written_ns);
  ::close(dir);
  return ok;
}

} // namespace kaowu
