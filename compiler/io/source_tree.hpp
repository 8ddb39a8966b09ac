#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kaowu {

// The input seam, as ninja's DiskInterface: every loader reads its files through a SourceTree,
// never through the file system itself. Production builds read the disk (DiskTree); unit tests,
// the fuzzer and `kaowu serve` read memory (MemoryTree). One tree is one input root (the
// calendars, the notices or the templates directory); paths inside it are relative and
// '/'-separated ("national/national-2021.toml"), "" being the root itself.

enum class EntryType { missing, file, directory, other };

struct TreeEntry {
  std::string name;
  EntryType type = EntryType::other; // of the link's target, for a link
  bool link = false;                 // a symbolic link
  bool outside = false;              // a link whose target lies outside the tree's root (or nowhere)
};

// A directory's entries, sorted by name so that no listing order reaches the output. `error` is
// the operating system's reason when the directory could not be read.
struct Listing {
  std::vector<TreeEntry> entries;
  std::string error;
};

struct FileBytes {
  std::string bytes;
  std::string error;      // the operating system's reason, when the file could not be read
  bool too_large = false; // larger than the cap the reader gave; `bytes` is then empty
  uint64_t size = 0;      // the file's size, when known
};

class SourceTree {
public:
  virtual ~SourceTree() = default;
  // What `path` is (following a link); missing when it does not exist.
  virtual EntryType type(const std::string& path) const = 0;
  virtual Listing list(const std::string& dir) const = 0;
  // At most `cap` bytes: a larger file is reported as too_large and never read whole.
  virtual FileBytes read(const std::string& path, size_t cap) const = 0;

  // How a path of this tree is named in diagnostics: the root as the user gave it (relative to
  // the current directory when below it, as compilers print paths), then the path.
  std::string display(const std::string& path) const;
  const std::string& display_root() const { return display_root_; }

protected:
  explicit SourceTree(std::string display_root) : display_root_(std::move(display_root)) {}

private:
  std::string display_root_;
};

// A directory on disk. Symbolic links are followed only while their target stays inside the
// root; one that leads out is listed with `outside` set and never read.
class DiskTree final : public SourceTree {
public:
  explicit DiskTree(const std::string& root);
  EntryType type(const std::string& path) const override;
  Listing list(const std::string& dir) const override;
  FileBytes read(const std::string& path, size_t cap) const override;

private:
  std::string full(const std::string& path) const;
  bool inside(const std::string& absolute) const;
  std::string root_;      // as given
  std::string real_root_; // canonical, for the inside test
};

// Files held in memory. Directories exist implicitly, as the parents of the files added.
class MemoryTree final : public SourceTree {
public:
  explicit MemoryTree(std::string display_root = "") : SourceTree(std::move(display_root)) {}
  void add(const std::string& path, std::string bytes);
  // Test doubles for what a disk can do: an entry that cannot be read, a link out of the tree.
  void add_unreadable(const std::string& path, std::string reason, EntryType type = EntryType::file);
  void add_link_outside(const std::string& path);
  void add_directory(const std::string& path);
  // Every file, in path order, with its bytes.
  std::vector<std::pair<std::string, std::string>> files() const;

  EntryType type(const std::string& path) const override;
  Listing list(const std::string& dir) const override;
  FileBytes read(const std::string& path, size_t cap) const override;

private:
  struct Node {
    EntryType type = EntryType::file;
    std::string bytes;
    std::string error;
    bool outside = false;
  };
  void add_parents(const std::string& path);
  std::map<std::string, Node> nodes_; // by path; directories have type directory
};

// "a/b" + "c" -> "a/b/c"; "" + "c" -> "c".
std::string join_path(const std::string& dir, const std::string& name);

} // namespace kaowu
