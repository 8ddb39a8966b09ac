#include "io/snapshot_tree.hpp"

#include "io/digest.hpp"

namespace kaowu {

SnapshotTree::SnapshotTree(const SourceTree& tree, int max_depth, size_t cap)
    : SourceTree(tree.display_root()), tree_(tree), cap_(cap) {
  root_ = tree_.type("");
  if (root_ == EntryType::directory) take("", 0, max_depth);
  // The digest, in the order of a sorted walk: the same tree gives the same digest.
  Digest d;
  d.add("root").add(static_cast<uint64_t>(root_));
  for (const auto& [dir, listing] : dirs_) {
    d.add("dir").add(dir).add(listing.error).add(listing.entries.size());
    for (const TreeEntry& e : listing.entries)
      d.add(e.name).add(static_cast<uint64_t>(e.type)).add(uint64_t{e.link}).add(uint64_t{e.outside});
  }
  for (const auto& [path, f] : files_)
    d.add("file").add(path).add(f.bytes).add(f.error).add(uint64_t{f.too_large}).add(f.too_large ? f.size : 0);
  digest_ = d.hex();
}

void SnapshotTree::take(const std::string& dir, int depth, int max_depth) {
  Listing& listing = dirs_[dir] = tree_.list(dir);
  for (const TreeEntry& e : listing.entries) {
    if (!e.name.empty() && e.name[0] == '.') continue;
    std::string path = join_path(dir, e.name);
    kinds_[path] = e.type;
    if (e.outside) continue; // never read
    if (e.type == EntryType::directory && depth + 1 <= max_depth) take(path, depth + 1, max_depth);
    else if (e.type == EntryType::file) files_[path] = tree_.read(path, cap_);
  }
}

EntryType SnapshotTree::type(const std::string& path) const {
  if (path.empty()) return root_;
  // A type is a stat, not content: asked of the tree itself, and held to what was listed (a link
  // is listed as what it leads to only when it stays inside the tree).
  EntryType now = tree_.type(path);
  auto listed = kinds_.find(path);
  if (listed == kinds_.end() || listed->second != now) complete_ = false;
  return now;
}

Listing SnapshotTree::list(const std::string& dir) const {
  auto found = dirs_.find(dir);
  if (found != dirs_.end()) return found->second;
  complete_ = false;
  return tree_.list(dir);
}

FileBytes SnapshotTree::read(const std::string& path, size_t cap) const {
  auto found = files_.find(path);
  if (found == files_.end() || cap > cap_) {
    complete_ = false;
    return tree_.read(path, cap);
  }
  FileBytes out = found->second;
  // As the tree answers a smaller cap: the size, and no bytes, for a file past it.
  if (out.error.empty() && !out.too_large && out.bytes.size() > cap) {
    out.too_large = true;
    out.size = std::max<uint64_t>(out.size, out.bytes.size());
    out.bytes.clear();
    out.bytes.shrink_to_fit();
  }
  return out;
}

} // namespace kaowu
