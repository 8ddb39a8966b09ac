#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kaowu {

// Opens the regular file at `path` ('/'-separated, relative) below the directory open at
// `dir_fd` for reading, without following a symbolic link anywhere on the way (a folder of the
// previous output replaced by a link to /etc leads nowhere) and without blocking (a FIFO is not
// opened for reading; it is not a regular file). -1 with errno set otherwise; ELOOP or ENOTDIR
// for a link on the way, EINVAL for a path that is absolute or climbs with "..".
int open_file_beneath(int dir_fd, const std::string& path);

// Reads the whole file open at `fd`, at most `limit` bytes: false when it is longer (`out` then
// holds its first `limit` bytes, errno EFBIG), or on a read error (errno set).
bool read_fd(int fd, size_t limit, std::string& out);

// True when the file open at `fd` holds exactly `bytes` (its size is checked first).
bool fd_holds(int fd, std::string_view bytes);
// True when the files open at `a` and `b` hold the same bytes.
bool same_contents(int a, int b);

} // namespace kaowu
