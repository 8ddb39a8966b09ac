#pragma once
#include <string>
#include <vector>

namespace kaowu {

// One file of the published site, held in memory until publish/ writes it.
struct Artifact {
  std::string path;       // relative to the output directory, '/'-separated
  std::string media_type; // text/calendar; charset=utf-8, application/json, text/html; charset=utf-8
  std::string bytes;
};

using Artifacts = std::vector<Artifact>;

} // namespace kaowu
