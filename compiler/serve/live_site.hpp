#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "render/artifact.hpp"

namespace kaowu {

// The files of one good build, by path ("calendars/x/index.html"), held in memory: what
// `kaowu build` would publish, never written to disk.
using SiteFiles = std::map<std::string, Artifact>;

// What `kaowu serve` serves at one moment: the last good site (kept while the input has errors,
// so feeds and the widget go on working and /__kaowu/last-good/ still shows each page), and the
// diagnostics of the latest build when it failed. `generation` counts the rebuilds that changed
// what is served; open pages reload when it moves past the one they were served with.
struct LiveSite {
  uint64_t generation = 0;
  std::shared_ptr<const SiteFiles> good; // null until a build succeeds
  std::string failure;                   // the latest build's diagnostics (text printer), or ""
  size_t errors = 0;
  bool failed() const { return !failure.empty(); }
};

} // namespace kaowu
