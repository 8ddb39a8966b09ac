#pragma once
#include <optional>
#include <string>

#include "diag/sink.hpp"
#include "load/site_sources.hpp"
#include "model/resolved.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// Where the site's inputs beside the calendars are.
struct SiteInputs {
  std::string notices_dir;   // Markdown notices, notices/<calendar>/*.md
  std::string templates_dir; // Mustache templates and static/ files
  std::string base_url;      // absolute URL the site is served from, for feeds and sitemaps
  std::optional<Date> build_date; // --today / SOURCE_DATE_EPOCH: the day pages show status for
};

// Every renderer, in a fixed order; each returns artifacts and reports into `sink`.
Artifacts render_all(const ResolvedProject& project, const SiteSources& site, DiagnosticSink& sink);

} // namespace kaowu
