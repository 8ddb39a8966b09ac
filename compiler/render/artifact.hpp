#pragma once
#include <mutex>
#include <string>
#include <vector>

namespace kaowu {

// One file of the published site.
struct Artifact {
  std::string path;       // relative to the output directory, '/'-separated
  std::string media_type; // text/calendar; charset=utf-8, application/json, text/html; charset=utf-8
  std::string bytes;
};

using Artifacts = std::vector<Artifact>;

// Where renderers hand each artifact as soon as it is made, so that a build holds only the files
// in the making, never the whole site. The disk publisher writes the artifact and frees it
// (publish/publisher.hpp); MemorySink keeps it (tests, the fuzzer, a future `kaowu serve`).
// put() is called from several threads at once, once per artifact.
class ArtifactSink {
public:
  virtual ~ArtifactSink() = default;
  virtual void put(Artifact artifact) = 0;
};

// Keeps every artifact in memory.
class MemorySink final : public ArtifactSink {
public:
  void put(Artifact artifact) override {
    std::lock_guard<std::mutex> lock(mutex_);
    artifacts_.push_back(std::move(artifact));
  }
  // Everything put so far, sorted by path (the order threads finish in never shows); the sink is
  // empty afterwards.
  Artifacts take();

private:
  std::mutex mutex_;
  Artifacts artifacts_;
};

} // namespace kaowu
