#include "render/artifact.hpp"

#include <algorithm>

namespace kaowu {

Artifacts MemorySink::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  Artifacts out = std::move(artifacts_);
  artifacts_.clear();
  std::stable_sort(out.begin(), out.end(), [](const Artifact& a, const Artifact& b) { return a.path < b.path; });
  return out;
}

} // namespace kaowu
