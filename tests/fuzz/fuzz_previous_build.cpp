// libFuzzer target over what kaowu reads of the previous build in the output folder, which is
// untrusted input (docs/robustness.md, section 6): the stamp (parse_stamp, and read_stamp over a
// real file) and a previous JSON feed (check_against_previous). One input is a stamp, a line
// "#---", then the bytes of a previous feed.
// Besides crashes and sanitizer reports, it traps when a stamp that parses does not read back
// the same from its own text, or is not recognised as kaowu's mark.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bind/previous_build.hpp"
#include "io/source_tree.hpp"
#include "layout/site_layout.hpp"
#include "pipeline/compile.hpp"
#include "publish/build_stamp.hpp"

namespace {

constexpr const char* kCalendar = R"([calendar]
id = "fuzz-2024"
level = "national"
title = "2024年度测试"
issuer = "测试"
exam_year = 2024
track = "初中级"
source = "fuzz"

[[phases]]
id = "registration"
name = "网上报名"
audience = "candidate"
start = 2023-12-01
end = 2023-12-14

[[phases]]
id = "payment"
name = "网上缴费"
audience = "candidate"
deadline = 2024-01-20

[exam]
days = [2024-04-13, 2024-04-14]
)";

struct World {
  kaowu::MemoryTree calendars;
  std::unique_ptr<kaowu::Compilation> c;
  std::string dir; // a folder of our own, for read_stamp over a real file
  int dir_fd = -1;

  World() {
    calendars.add("national/fuzz-2024.toml", kCalendar);
    kaowu::CompileInputs in;
    in.calendars = &calendars;
    c = kaowu::compile(in);
    char pattern[] = "/tmp/kaowu-fuzz-previous-XXXXXX";
    if (!::mkdtemp(pattern)) std::abort();
    dir = pattern;
    dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0) std::abort();
  }
};

World& world() {
  static World w;
  return w;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  World& w = world();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t split = input.find("\n#---\n");
  std::string_view stamp = input.substr(0, split);
  std::string_view feed = split == std::string_view::npos ? std::string_view() : input.substr(split + 6);

  if (auto parsed = kaowu::parse_stamp(stamp)) {
    std::string again = kaowu::stamp_text(*parsed);
    auto back = kaowu::parse_stamp(again);
    if (!back || back->files.size() != parsed->files.size() || back->fingerprint != parsed->fingerprint ||
        !kaowu::is_stamp_of_kaowu(again))
      __builtin_trap();
  }
  // The same bytes as a file in the folder, read as a build reads the previous output's stamp.
  int fd = ::openat(w.dir_fd, kaowu::kStampFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd >= 0) {
    [[maybe_unused]] ssize_t n = ::write(fd, stamp.data(), stamp.size());
    ::close(fd);
    kaowu::StampReading reading = kaowu::read_stamp(w.dir_fd);
    if (reading.stamp && !reading.marked) __builtin_trap();
  }

  kaowu::MemoryTree previous;
  for (const kaowu::Feed& f : w.c->bound.feeds) previous.add(kaowu::SiteLayout::json(f.path_stem), std::string(feed));
  kaowu::DiagnosticSink sink;
  kaowu::check_against_previous(w.c->bound.feeds, previous, sink);
  return 0;
}
