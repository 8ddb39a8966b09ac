#include "io/source_tree.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kaowu {
namespace fs = std::filesystem;

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  if (name.empty()) return dir;
  return dir + "/" + name;
}

std::string SourceTree::display(const std::string& path) const {
  if (display_root_.empty()) return path;
  if (path.empty()) return display_root_;
  return display_root_ + "/" + path;
}

namespace {

// Paths under the current directory are shown relative to it, as compilers do.
std::string display_of_root(const std::string& root) {
  std::error_code ec;
  fs::path absolute = fs::absolute(root, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(fs::current_path(ec));
  std::string out;
  if (!ec && !relative.empty() && *relative.begin() != "..") out = relative.generic_string();
  else out = fs::path(root).lexically_normal().generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out == "." ? "" : out;
}

EntryType type_of_mode(mode_t mode) {
  if (S_ISREG(mode)) return EntryType::file;
  if (S_ISDIR(mode)) return EntryType::directory;
  return EntryType::other;
}

std::string os_reason(int error) { return std::strerror(error); }

} // namespace

DiskTree::DiskTree(const std::string& root) : SourceTree(display_of_root(root)), root_(root) {
  char buf[PATH_MAX];
  if (::realpath(root.c_str(), buf) != nullptr) real_root_ = buf;
}

std::string DiskTree::full(const std::string& path) const {
  return path.empty() ? root_ : root_ + "/" + path;
}

bool DiskTree::inside(const std::string& absolute) const {
  if (real_root_.empty()) return false;
  if (absolute == real_root_) return true;
  std::string prefix = real_root_ == "/" ? "/" : real_root_ + "/";
  return absolute.compare(0, prefix.size(), prefix) == 0;
}

EntryType DiskTree::type(const std::string& path) const {
  struct stat st;
  if (::stat(full(path).c_str(), &st) != 0) return errno == ENOENT || errno == ENOTDIR ? EntryType::missing : EntryType::other;
  return type_of_mode(st.st_mode);
}

Listing DiskTree::list(const std::string& dir) const {
  Listing out;
  std::string path = full(dir);
  DIR* d = ::opendir(path.c_str());
  if (d == nullptr) {
    out.error = os_reason(errno);
    return out;
  }
  errno = 0;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    TreeEntry entry;
    entry.name = name;
    std::string child = path + "/" + name;
    struct stat st;
    if (::lstat(child.c_str(), &st) != 0) {
      entry.type = EntryType::other;
    } else if (S_ISLNK(st.st_mode)) {
      entry.link = true;
      char buf[PATH_MAX];
      struct stat target;
      if (::realpath(child.c_str(), buf) == nullptr || ::stat(buf, &target) != 0) {
        entry.outside = true; // dangling: leads nowhere the build may read
      } else {
        entry.outside = !inside(buf);
        entry.type = type_of_mode(target.st_mode);
      }
    } else {
      entry.type = type_of_mode(st.st_mode);
    }
    out.entries.push_back(std::move(entry));
    errno = 0;
  }
  if (errno != 0) out.error = os_reason(errno);
  ::closedir(d);
  std::sort(out.entries.begin(), out.entries.end(),
            [](const TreeEntry& a, const TreeEntry& b) { return a.name < b.name; });
  return out;
}

FileBytes DiskTree::read(const std::string& path, size_t cap) const {
  FileBytes out;
  int fd = ::open(full(path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    out.error = os_reason(errno);
    return out;
  }
  struct stat st;
  if (::fstat(fd, &st) == 0) out.size = static_cast<uint64_t>(st.st_size);
  // Never more than one block past the cap into memory, however large the file is (or claims
  // to be: /proc files report size 0).
  char block[1 << 16];
  while (out.bytes.size() <= cap) {
    ssize_t n = ::read(fd, block, sizeof block);
    if (n < 0) {
      if (errno == EINTR) continue;
      out.error = os_reason(errno);
      out.bytes.clear();
      break;
    }
    if (n == 0) break;
    out.bytes.append(block, static_cast<size_t>(n));
  }
  ::close(fd);
  if (out.error.empty() && out.bytes.size() > cap) {
    out.too_large = true;
    out.size = std::max<uint64_t>(out.size, out.bytes.size());
    out.bytes.clear();
    out.bytes.shrink_to_fit();
  }
  return out;
}

void MemoryTree::add_parents(const std::string& path) {
  for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
    nodes_[path.substr(0, slash)].type = EntryType::directory;
}

void MemoryTree::add(const std::string& path, std::string bytes) {
  add_parents(path);
  Node& n = nodes_[path];
  n.type = EntryType::file;
  n.bytes = std::move(bytes);
}

void MemoryTree::add_unreadable(const std::string& path, std::string reason, EntryType type) {
  add_parents(path);
  Node& n = nodes_[path];
  n.type = type;
  n.error = std::move(reason);
}

void MemoryTree::add_link_outside(const std::string& path) {
  add_parents(path);
  Node& n = nodes_[path];
  n.type = EntryType::file;
  n.outside = true;
}

void MemoryTree::add_directory(const std::string& path) {
  add_parents(path);
  nodes_[path].type = EntryType::directory;
}

std::vector<std::pair<std::string, std::string>> MemoryTree::files() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [path, node] : nodes_)
    if (node.type == EntryType::file && node.error.empty() && !node.outside) out.emplace_back(path, node.bytes);
  return out;
}

EntryType MemoryTree::type(const std::string& path) const {
  if (path.empty()) return EntryType::directory;
  auto it = nodes_.find(path);
  return it == nodes_.end() ? EntryType::missing : it->second.type;
}

Listing MemoryTree::list(const std::string& dir) const {
  Listing out;
  if (auto it = nodes_.find(dir); it != nodes_.end() && !it->second.error.empty()) {
    out.error = it->second.error;
    return out;
  }
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (auto it = nodes_.lower_bound(prefix); it != nodes_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string rest = it->first.substr(prefix.size());
    if (rest.empty() || rest.find('/') != std::string::npos) continue;
    TreeEntry e;
    e.name = rest;
    e.type = it->second.type;
    e.link = it->second.outside;
    e.outside = it->second.outside;
    out.entries.push_back(std::move(e));
  }
  return out;
}

FileBytes MemoryTree::read(const std::string& path, size_t cap) const {
  FileBytes out;
  auto it = nodes_.find(path);
  if (it == nodes_.end()) {
    out.error = std::strerror(ENOENT);
    return out;
  }
  if (!it->second.error.empty()) {
    out.error = it->second.error;
    return out;
  }
  out.size = it->second.bytes.size();
  if (out.size > cap) out.too_large = true;
  else out.bytes = it->second.bytes;
  return out;
}

} // namespace kaowu
