#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "diag/sink.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// Publishes a site into `output_dir`, all or nothing. Every artifact is written, as it arrives,
// into a staging directory beside the output; commit() then swaps the staging directory with the
// old output in one atomic exchange (renameat2 RENAME_EXCHANGE). A failed or killed build leaves
// the previous output exactly as it was; a web server sees the old site or the new one, never a
// mixture.
//
// The output folder belongs to the user: it is replaced only when it is missing, empty, or holds
// nothing but what kaowu wrote (publish/output_ownership.hpp); otherwise commit() reports
// output-not-ours (KW0902, exit 2) and changes nothing.
//
// A file whose bytes the previous build already published (its stamp says so, publish/
// build_stamp.hpp) is hard-linked from the previous output instead of written again: it keeps
// its modification time, and deploys that compare times upload only what changed.
class Publisher final : public ArtifactSink {
public:
  // Prepares the staging directory; on failure ok() is false and `sink` has an io-error. The
  // output records what it holds (OUT/.kaowu-build): the mark that kaowu made it, and what the
  // next build may reuse.
  Publisher(const std::string& output_dir, DiagnosticSink& sink);
  ~Publisher() override; // removes the staging directory unless committed
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  bool ok() const;
  // Writes (or links) the artifact and lets its bytes go. Safe from several threads; a failure
  // is kept for commit() to report.
  void put(Artifact artifact) override;
  // Records `fingerprint` (what the site was built from; "" for none) and whether the build was
  // `clean` (reported nothing) in the output's stamp, and swaps the staging directory in. False,
  // with an io-error in the sink, when anything failed: the previous output is then untouched.
  bool commit(const std::string& fingerprint, bool clean = false);

  struct Counts {
    size_t files = 0;   // every file of the new output
    uint64_t bytes = 0;
    size_t written = 0; // files written; the others were linked, unchanged, from the previous output
  };
  Counts counts() const;

private:
  struct State;
  std::unique_ptr<State> state_;
};

// Removes the staging directories that killed builds left beside `output_dir` (a build does it
// when it starts publishing; a build that finds its output up to date publishes nothing, and
// calls this instead).
void remove_stale_staging(const std::string& output_dir);

// Publishes `artifacts` as above, in one call (`kaowu notices`: a folder of Markdown to paste
// elsewhere, which keeps nothing but the notices and the stamp that marks it as kaowu's).
bool publish(const Artifacts& artifacts, const std::string& output_dir, DiagnosticSink& sink);

// True when `path` is a safe relative artifact path: no absolute path, no "..", no empty or
// hidden-dot segments other than ".htaccess"/".well-known", no NUL or backslash.
bool is_safe_artifact_path(const std::string& path);

} // namespace kaowu
