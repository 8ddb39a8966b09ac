#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaowu {

// What a build leaves in its output beside the site, OUT/.kaowu-build, written last: the
// fingerprint of everything it was built from (inputs, options, kaowu itself:
// driver/build_fingerprint.hpp), whether the build reported nothing at all, and every file it
// published, with its size and digest. Like the site, it depends on the input only, so two
// builds of the same input stay byte-identical. The next build reads it to leave alone what did
// not change (docs/performance.md, "Rebuilds"):
//   - same fingerprint, and every file still as recorded: the output is up to date, and the build
//     writes nothing at all; when that build reported nothing, it is not even compiled again
//     (the same input would report nothing again);
//   - otherwise it renders, and each file whose bytes equal the recorded ones (same size and
//     digest), and that is still as recorded, is hard-linked from the previous output instead of
//     written: it keeps its modification time, so rsync and CDN deploys skip it.
// A file is still as recorded when it is a regular file of the recorded size that nobody has
// modified since the stamp was written (its modification time is not later than the stamp's).
inline constexpr const char* kStampFile = ".kaowu-build";

struct StampEntry {
  std::string path; // relative, '/'-separated
  uint64_t size = 0;
  std::string digest; // digest_hex of the bytes
};

struct BuildStamp {
  std::string fingerprint;       // "" when the build could not be fingerprinted: never up to date
  bool clean = false;            // the build reported no diagnostic at all
  std::vector<StampEntry> files; // sorted by path
  int64_t written_ns = 0;        // when the stamp file was last modified (read_stamp), not in the text
};

std::string stamp_text(const BuildStamp& stamp);
// nullopt when `text` is not a stamp this kaowu writes (another version, damaged).
std::optional<BuildStamp> parse_stamp(std::string_view text);
// The stamp of the directory open at `dir_fd`, if any.
std::optional<BuildStamp> read_stamp(int dir_fd);

// True when the file `entry` names below the directory open at `dir_fd` is still what the stamp
// written at `written_ns` recorded: a regular file of that size, modified no later than the stamp.
bool still_as_recorded(int dir_fd, const StampEntry& entry, int64_t written_ns);

// True when `output_dir` holds a whole build made from `fingerprint` whose files are all still as
// recorded: building again would write the same bytes. With `clean`, only when that build
// reported no diagnostic either.
bool output_up_to_date(const std::string& output_dir, const std::string& fingerprint, bool clean = false);

} // namespace kaowu
