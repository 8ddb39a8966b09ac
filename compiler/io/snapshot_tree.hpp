#pragma once
#include <atomic>
#include <cstddef>
#include <map>
#include <string>

#include "io/source_tree.hpp"

namespace kaowu {

// Everything a loader could read in a tree, read once into memory and digested: every listing
// (with its error), every entry's name and kind (a link, one that leads out of the tree), and
// every file of at most `cap` bytes with its bytes (a larger one, which no loader reads whole,
// by its size). Hidden entries and folders deeper than `max_depth` are left out, as the loaders
// leave them (load/tree_walk.hpp).
//
// `kaowu build` compiles from the snapshot, so the digest is of exactly the bytes it compiled:
// a file edited during the build cannot make the output look newer than it is. The digest is
// known before compiling, so a build whose inputs did not change can tell without compiling
// (docs/performance.md, "Rebuilds"). A question the snapshot cannot answer (which no loader
// asks today) goes to the tree itself and marks the snapshot incomplete: its digest then no
// longer covers everything the build read, and the build records none.
class SnapshotTree final : public SourceTree {
public:
  SnapshotTree(const SourceTree& tree, int max_depth, size_t cap);

  const std::string& digest() const { return digest_; }
  bool complete() const { return complete_.load(); }

  EntryType type(const std::string& path) const override;
  Listing list(const std::string& dir) const override;
  FileBytes read(const std::string& path, size_t cap) const override;

private:
  void take(const std::string& dir, int depth, int max_depth);

  const SourceTree& tree_;
  size_t cap_;
  EntryType root_ = EntryType::missing;
  std::map<std::string, Listing> dirs_;
  std::map<std::string, EntryType> kinds_; // of every entry listed, as listed
  std::map<std::string, FileBytes> files_; // read with cap_
  mutable std::atomic<bool> complete_{true};
  std::string digest_;
};

} // namespace kaowu
