#pragma once
#include <mutex>

#include "io/digest.hpp"
#include "io/source_tree.hpp"

namespace kaowu {

// Reads through another tree and adds everything it answers to a digest: every type asked, every
// listing, every file's bytes (or the reason it could not be read), in the order asked. A
// compilation that reads the same trees twice with the same answers makes the same digest, which
// is how `kaowu build` knows that nothing changed (docs/performance.md, "Rebuilds").
class HashingTree final : public SourceTree {
public:
  // `name` tells the trees of one build apart ("calendars", "notices", "templates").
  HashingTree(const SourceTree& inner, const char* name, Digest& digest);
  EntryType type(const std::string& path) const override;
  Listing list(const std::string& dir) const override;
  FileBytes read(const std::string& path, size_t cap) const override;

private:
  const SourceTree& inner_;
  Digest& digest_;
  mutable std::mutex mutex_; // loaders read on one thread today; the digest must not depend on it
};

} // namespace kaowu
