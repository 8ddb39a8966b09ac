#include "io/hashing_tree.hpp"

namespace kaowu {

HashingTree::HashingTree(const SourceTree& inner, const char* name, Digest& digest)
    : SourceTree(inner.display_root()), inner_(inner), digest_(digest) {
  digest_.add("tree").add(name);
}

EntryType HashingTree::type(const std::string& path) const {
  EntryType t = inner_.type(path);
  std::lock_guard<std::mutex> lock(mutex_);
  digest_.add("type").add(path).add(static_cast<uint64_t>(t));
  return t;
}

Listing HashingTree::list(const std::string& dir) const {
  Listing l = inner_.list(dir);
  std::lock_guard<std::mutex> lock(mutex_);
  digest_.add("list").add(dir).add(l.error).add(l.entries.size());
  for (const TreeEntry& e : l.entries)
    digest_.add(e.name).add(static_cast<uint64_t>(e.type)).add(uint64_t{e.link}).add(uint64_t{e.outside});
  return l;
}

FileBytes HashingTree::read(const std::string& path, size_t cap) const {
  FileBytes f = inner_.read(path, cap);
  std::lock_guard<std::mutex> lock(mutex_);
  digest_.add("read").add(path).add(cap).add(f.bytes).add(f.error).add(uint64_t{f.too_large}).add(f.size);
  return f;
}

} // namespace kaowu
