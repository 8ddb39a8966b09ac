#include "render/render_all.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

#include "render/html/render_site.hpp"
#include "render/ical/ical_feed.hpp"
#include "render/json/render_json.hpp"
#include "render/model_json.hpp"
#include "render/public_readme.hpp"
#include "render/static_assets.hpp"

namespace kaowu {

namespace {
using Renderer = std::function<Artifacts(DiagnosticSink&)>;

// Runs the renderers on up to `threads` threads. Each renderer only reads the resolved project
// and fills its own artifacts and its own sink, so they need no locks; the results are joined
// in the order of `renderers`, never in the order the threads finish, so the output and the
// diagnostics are the same on one core or four.
Artifacts run_all(const std::vector<Renderer>& renderers, DiagnosticSink& sink, unsigned threads) {
  std::vector<Artifacts> results(renderers.size());
  std::vector<DiagnosticSink> sinks(renderers.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < renderers.size(); i = next++) results[i] = renderers[i](sinks[i]);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& th : pool) th.join();
  Artifacts out;
  for (size_t i = 0; i < renderers.size(); ++i) {
    for (Artifact& a : results[i]) out.push_back(std::move(a));
    sink.absorb(std::move(sinks[i]));
  }
  return out;
}
} // namespace

Artifacts render_all(const BoundSite& site, DiagnosticSink& sink) {
  // The costliest renderers first, so the threads finish close together.
  std::vector<Renderer> renderers = {
      [&](DiagnosticSink&) { return render_json(site); },
      [&](DiagnosticSink& s) { return render_site(site, s); },
      [&](DiagnosticSink&) { return render_ical(site); },
      [&](DiagnosticSink&) { return render_model_json(*site.project); },
      [&](DiagnosticSink&) { return render_static_assets(*site.sources); },
      [&](DiagnosticSink&) { return Artifacts{public_readme()}; },
  };
  unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  return run_all(renderers, sink, threads);
}

} // namespace kaowu
