#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bind/bound_notice.hpp"
#include "bind/feed_events.hpp"
#include "bind/placeholder_table.hpp"
#include "bind/template_library.hpp"
#include "diag/sink.hpp"
#include "layout/site_layout.hpp"
#include "load/site_sources.hpp"
#include "model/resolved.hpp"

namespace kaowu {

struct BindOptions {
  std::string base_url;           // as the user gave it; "" for relative links
  std::optional<Date> build_date; // --today / SOURCE_DATE_EPOCH: the day pages mark status for
  std::optional<int64_t> source_date_epoch; // the feeds' DTSTAMP when no calendar is dated
};

// The site, bound: every input beside the calendars checked and tied to the resolved model.
// Renderers read only this (and the resolved project it points into); they find no new
// problem in the input, so `kaowu check`, which stops here, reports what `kaowu build` would.
struct BoundSite {
  BoundSite() = default;
  BoundSite(const BoundSite&) = delete; // notices point into `values`
  BoundSite(BoundSite&&) = default;
  BoundSite& operator=(BoundSite&&) = default;

  const ResolvedProject* project = nullptr;
  const SiteSources* sources = nullptr; // static files
  SiteLayout layout;                    // with the validated base URL
  std::optional<Date> build_date;
  std::optional<int64_t> source_date_epoch;
  TemplateLibrary templates;
  std::map<std::string, PlaceholderTable> values; // by calendar id: the values its notices name
  std::vector<BoundNotice> notices;               // newest first, then by file
  std::vector<Feed> feeds; // every feed with its events, in publishing order
};

// Checks and binds the site's inputs: the base URL, the templates (syntax, partials, their
// recursion, depth), the notices (calendar, placeholders, tables, literal dates) and the
// withdrawn events of the feeds. Everything goes into `sink`; nothing is thrown.
BoundSite bind(const ResolvedProject& project, const SiteSources& site, const BindOptions& options,
               DiagnosticSink& sink);

} // namespace kaowu
