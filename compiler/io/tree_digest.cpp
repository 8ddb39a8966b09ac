#include "io/tree_digest.hpp"

#include "io/digest.hpp"

namespace kaowu {

namespace {
void add_dir(const SourceTree& tree, const std::string& dir, int depth, int max_depth, size_t cap, Digest& d) {
  Listing listing = tree.list(dir);
  d.add("dir").add(dir).add(listing.error).add(listing.entries.size());
  for (const TreeEntry& e : listing.entries) {
    if (!e.name.empty() && e.name[0] == '.') continue;
    std::string path = join_path(dir, e.name);
    d.add(e.name).add(static_cast<uint64_t>(e.type)).add(uint64_t{e.link}).add(uint64_t{e.outside});
    if (e.outside) continue; // never read
    if (e.type == EntryType::directory && depth + 1 <= max_depth) {
      add_dir(tree, path, depth + 1, max_depth, cap, d);
    } else if (e.type == EntryType::file) {
      FileBytes f = tree.read(path, cap);
      d.add("file").add(f.bytes).add(f.error).add(uint64_t{f.too_large}).add(f.too_large ? f.size : 0);
    }
  }
}
} // namespace

std::string tree_digest(const SourceTree& tree, int max_depth, size_t cap) {
  Digest d;
  d.add("root").add(static_cast<uint64_t>(tree.type("")));
  if (tree.type("") == EntryType::directory) add_dir(tree, "", 0, max_depth, cap, d);
  return d.hex();
}

} // namespace kaowu
