#pragma once
#include "bind/bind.hpp"
#include "diag/sink.hpp"
#include "render/artifact.hpp"
#include "render/json/json_writer.hpp"

namespace kaowu {

// How the site is written, beyond what the input says.
struct RenderOptions {
  JsonStyle json = JsonStyle::minified; // --pretty: indented JSON for people
  bool model = false;                   // --model: model/<calendar>.json, the resolved model
  unsigned threads = 0;                 // 0: one per core (at most four); tests set 1 to compare
};

// Renders the whole site on every core and hands each artifact to `out` as soon as it is made,
// from whichever thread made it: the build holds the files in the making, never the whole site.
// The bytes do not depend on the number of threads or their schedule, and neither do the
// diagnostics: each job reports into a sink of its own, merged in a fixed order. The renderers
// find nothing new in the input (bind checked it); `sink` hears only of pages that render past
// their size bound. An exception in a job (out of memory; a publisher that cannot write) stops
// the other jobs and is rethrown here.
void render_all(const BoundSite& site, const RenderOptions& options, ArtifactSink& out, DiagnosticSink& sink);

// The same into memory, sorted by path (tests, the fuzzer).
Artifacts render_all(const BoundSite& site, DiagnosticSink& sink, const RenderOptions& options = {});

} // namespace kaowu
