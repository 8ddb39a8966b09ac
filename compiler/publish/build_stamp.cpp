#include "publish/build_stamp.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

#include "io/digest.hpp"
#include "io/open_beneath.hpp"

namespace kaowu {

namespace {

// Every version's stamp begins with kMark; version 2 ends with a line "end <digest of the text
// before it>", so a stamp edited by hand, or cut short, is no stamp to reuse by.
constexpr std::string_view kMark = "kaowu build stamp ";
constexpr std::string_view kHeader = "kaowu build stamp 2\n";
constexpr std::string_view kEnd = "end ";
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

// The paths a stamp of any version lists: the first field of each line after the header lines
// that has a tab.
std::vector<std::string> listed_paths(std::string_view text) {
  std::vector<std::string> out;
  size_t eol = text.find('\n');
  if (eol == std::string_view::npos) return out;
  text.remove_prefix(eol + 1);
  while (!text.empty()) {
    eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    size_t tab = line.find('\t');
    if (tab != std::string_view::npos && tab > 0) out.emplace_back(line.substr(0, tab));
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return out;
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
  std::string sealed = digest_hex(out);
  out += kEnd;
  out += sealed;
  out += '\n';
  return out;
}

bool is_stamp_of_kaowu(std::string_view text) { return text.substr(0, kMark.size()) == kMark; }

std::optional<BuildStamp> parse_stamp(std::string_view text) {
  if (text.substr(0, kHeader.size()) != kHeader) return std::nullopt;
  // The seal: the last line, over everything before it.
  if (text.size() < kEnd.size() + 33 || text.back() != '\n') return std::nullopt;
  size_t last = text.rfind('\n', text.size() - 2);
  if (last == std::string_view::npos) return std::nullopt;
  std::string_view seal = text.substr(last + 1, text.size() - last - 2);
  std::string_view body = text.substr(0, last + 1);
  if (seal.substr(0, kEnd.size()) != kEnd || seal.substr(kEnd.size()) != digest_hex(body)) return std::nullopt;
  text = body;
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

StampReading read_stamp(int dir_fd) {
  StampReading reading;
  int fd = open_file_beneath(dir_fd, kStampFile);
  if (fd < 0) return reading;
  std::string text;
  bool whole = read_fd(fd, kMaxStampBytes, text);
  ::close(fd);
  // A stamp too large to read is still kaowu's mark when it begins as one.
  reading.marked = is_stamp_of_kaowu(text);
  if (!reading.marked) return reading;
  if (whole) reading.stamp = parse_stamp(text);
  if (reading.stamp) {
    for (const StampEntry& e : reading.stamp->files) reading.listed.push_back(e.path);
  } else {
    // Cut at the cap: the lines before the last one are still what kaowu once wrote there.
    if (!whole) text.erase(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);
    reading.listed = listed_paths(text);
  }
  return reading;
}

bool output_up_to_date(const std::string& output_dir, const std::string& fingerprint, bool clean) {
  if (fingerprint.empty()) return false;
  int dir = ::open(output_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return false;
  StampReading reading = read_stamp(dir);
  const std::optional<BuildStamp>& stamp = reading.stamp;
  bool ok = stamp && stamp->fingerprint == fingerprint && !stamp->files.empty() && (!clean || stamp->clean);
  // Every file read again: a file edited in place that kept its size and time is found too.
  std::string bytes;
  for (size_t i = 0; ok && i < stamp->files.size(); ++i) {
    const StampEntry& e = stamp->files[i];
    int fd = open_file_beneath(dir, e.path);
    ok = fd >= 0 && read_fd(fd, e.size, bytes) && bytes.size() == e.size && digest_hex(bytes) == e.digest;
    if (fd >= 0) ::close(fd);
  }
  ::close(dir);
  return ok;
}

} // namespace kaowu
