#pragma once
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

namespace kaowu {

// The output folder belongs to the user. A build replaces it only when nothing in it would be
// lost: every entry must be one kaowu can show it wrote. An entry is kaowu's when it is
//   - a regular file the folder's stamp lists (`listed`: kaowu wrote it there), or the stamp itself;
//   - a regular file the new build writes with the very same bytes (`rewritten`, given the path
//     and the open file): a fresh checkout's public/README.md, which the build writes too;
//   - a folder all of whose entries are kaowu's, and that is not empty.
// Anything else is the user's: any other file, an empty folder, a symbolic link (never followed),
// a FIFO, a socket, a device. Entries deeper than kMaxOutputDepth are the user's too.
inline constexpr int kMaxOutputDepth = 24;

struct ForeignEntries {
  size_t count = 0;
  std::vector<std::string> first; // the first few, '/'-separated relative paths, in walk order
  int error = 0;                   // errno of a folder that could not be read (its entries count as foreign)
};

ForeignEntries foreign_entries(int dir_fd, const std::unordered_set<std::string>& listed,
                               const std::function<bool(const std::string& path, int fd)>& rewritten);

} // namespace kaowu
