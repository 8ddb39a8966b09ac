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
// The stamp is also the mark that kaowu made the folder: a build publishes only into a folder
// that is missing, empty, or marked, and then only when every file in it is one the stamp lists
// (publish/previous_output.hpp). It is untrusted input all the same: it is read only when it is a
// regular file of at most kMaxStampBytes, without blocking; it ends with a digest of its own text,
// so a stamp edited by hand (a line removed) is never trusted for reuse; and a file is reused only
// when its bytes, read again, are the recorded ones.
inline constexpr const char* kStampFile = ".kaowu-build";
// Far above a stamp of the 4x benchmark (about 12 MB for 140,000 files).
inline constexpr size_t kMaxStampBytes = 64u << 20;

struct StampEntry {
  std::string path; // relative, '/'-separated
  uint64_t size = 0;
  std::string digest; // digest_hex of the bytes
};

struct BuildStamp {
  std::string fingerprint;       // "" when the build could not be fingerprinted: never up to date
  bool clean = false;            // the build reported no diagnostic at all
  std::vector<StampEntry> files; // sorted by path
};

std::string stamp_text(const BuildStamp& stamp);
// nullopt when `text` is not a stamp this kaowu writes (another version, damaged, edited).
std::optional<BuildStamp> parse_stamp(std::string_view text);
// True when `text` begins as every stamp any kaowu wrote begins: the folder it lies in was made
// by kaowu, whatever version, even when the rest cannot be read or trusted.
bool is_stamp_of_kaowu(std::string_view text);

// What the stamp of a directory says: whether there is one kaowu wrote, and what it lists when it
// is whole. `listed` holds the paths it names even when it is not whole (an older version's
// stamp, or one edited by hand): what kaowu once wrote there, for deciding what may be replaced.
struct StampReading {
  bool marked = false;
  std::optional<BuildStamp> stamp; // only when whole and of this version
  std::vector<std::string> listed;
};
// Reads the stamp of the directory open at `dir_fd`: only a regular file, never through a link,
// never blocking (a FIFO in its place is no stamp), at most kMaxStampBytes.
StampReading read_stamp(int dir_fd);

// True when `output_dir` holds a whole build made from `fingerprint` whose files all still hold
// the recorded bytes (each is read again and its digest compared): building again would write the
// same bytes. With `clean`, only when that build reported no diagnostic either. No link below
// `output_dir` is followed.
bool output_up_to_date(const std::string& output_dir, const std::string& fingerprint, bool clean = false);

} // namespace kaowu
