#include "render/render_all.hpp"

#include <functional>
#include <optional>

#include "render/html/pages.hpp"
#include "render/html/render_site.hpp"
#include "render/ical/htaccess.hpp"
#include "render/ical/ical_feed.hpp"
#include "render/json/render_json.hpp"
#include "render/model_json.hpp"
#include "render/parallel.hpp"
#include "render/public_readme.hpp"
#include "render/static_assets.hpp"

namespace kaowu {

namespace {

// One unit of a build: renders its artifacts into `out`, with `ctx` its own (sink, pages).
using Job = std::function<void(SiteContext& ctx, Artifacts& out)>;

// What jobs leave for the end of the build, each in a slot of its own.
struct Leftovers {
  std::vector<std::string> newest_html; // of the notices atom.xml carries
};

// The jobs of a build, costliest first so that the threads finish close together: index.html
// (every calendar and notice), then per calendar its feeds and its pages, then the subscribe
// pages, then one job per notice, then the few files of the site as a whole.
std::vector<Job> plan(const BoundSite& site, const RenderOptions& options, Leftovers& left) {
  std::vector<Job> jobs;
  jobs.emplace_back([](SiteContext& ctx, Artifacts& out) { render_index_page(ctx, out); });
  // A model with errors has no feeds (bind makes them only from a clean model). Each calendar's
  // feeds, with the files of their single events, are one job.
  IcalOptions ical{site.layout, site.source_date_epoch};
  for (size_t first = 0; first < site.feeds.size();) {
    size_t count = 1;
    while (first + count < site.feeds.size() && site.feeds[first + count].calendar == site.feeds[first].calendar)
      ++count;
    jobs.emplace_back([&site, first, count, ical, json = options.json](SiteContext& ctx, Artifacts& out) {
      for (size_t k = first; k < first + count; ++k) {
        const Feed& feed = site.feeds[k];
        append_ical_files(feed, ical, out);
        out.push_back(feed_json_artifact(feed, ctx.layout, json));
      }
    });
    first += count;
  }
  for (const ResolvedCalendar& cal : site.project->calendars)
    jobs.emplace_back([&cal](SiteContext& ctx, Artifacts& out) { render_calendar_pages(ctx, cal, out); });
  jobs.emplace_back([](SiteContext& ctx, Artifacts& out) { render_subscribe_pages(ctx, out); });
  left.newest_html.assign(std::min(site.notices.size(), kAtomEntries), std::string());
  for (size_t i = 0; i < site.notices.size(); ++i)
    jobs.emplace_back([&site, &left, i](SiteContext& ctx, Artifacts& out) {
      std::string html = render_notice(ctx, site.notices[i], out);
      if (i < left.newest_html.size()) left.newest_html[i] = std::move(html); // each job its own slot
    });
  if (options.model)
    jobs.emplace_back([json = options.json](SiteContext& ctx, Artifacts& out) {
      for (const ResolvedCalendar& cal : ctx.project.calendars) out.push_back(model_json_artifact(cal, json));
    });
  jobs.emplace_back([](SiteContext& ctx, Artifacts& out) {
    out.push_back(htaccess());
    out.push_back(public_readme());
    for (Artifact& a : render_static_assets(*ctx.site.sources)) out.push_back(std::move(a));
  });
  return jobs;
}

} // namespace

void render_all(const BoundSite& site, const RenderOptions& options, ArtifactSink& out, DiagnosticSink& sink) {
  prepare_ical_threads();
  SiteIndex index(site);
  Leftovers left;
  std::vector<Job> jobs = plan(site, options, left);
  std::vector<std::vector<std::string>> pages(jobs.size());
  std::vector<std::optional<DiagnosticSink>> reports(jobs.size());
  parallel_for(jobs.size(), [&](size_t i) {
    DiagnosticSink job_sink;
    SiteContext ctx(site, index, job_sink);
    Artifacts made;
    jobs[i](ctx, made);
    for (Artifact& a : made) out.put(std::move(a));
    pages[i] = std::move(ctx.pages);
    if (!job_sink.diagnostics().empty()) reports[i] = std::move(job_sink);
  }, options.threads);
  for (std::optional<DiagnosticSink>& r : reports)
    if (r) sink.absorb(std::move(*r));

  // What needs every page, every feed or the newest notices: after the jobs, on this thread.
  SiteContext ctx(site, index, sink);
  for (std::vector<std::string>& p : pages)
    for (std::string& path : p) ctx.pages.push_back(std::move(path));
  Artifacts last;
  render_sitemap(ctx, last);
  render_atom(ctx, left.newest_html, last);
  last.push_back(index_json_artifact(site, options.json));
  for (Artifact& a : last) out.put(std::move(a));
}

Artifacts render_all(const BoundSite& site, DiagnosticSink& sink, const RenderOptions& options) {
  MemorySink memory;
  render_all(site, options, memory, sink);
  return memory.take();
}

} // namespace kaowu
