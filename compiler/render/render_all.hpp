#pragma once
#include <string>

#include "diag/sink.hpp"
#include "model/resolved.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// Inputs of the published site beyond the calendars.
struct SiteInputs {
  std::string notices_dir;   // Markdown notices, notices/<calendar>/*.md
  std::string templates_dir; // Mustache templates
  std::string base_url;      // absolute URL the site is served from, for feeds and sitemaps
};

// Every renderer, in a fixed order; each returns artifacts and reports into `sink`.
Artifacts render_all(const ResolvedProject& project, const SiteInputs& inputs, DiagnosticSink& sink);

} // namespace kaowu
