#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "load/site_sources.hpp"
#include "model/resolved.hpp"
#include "render/artifact.hpp"
#include "render/html/links.hpp"
#include "render/html/templates.hpp"

namespace kaowu {

// A notice bound to its calendar and rendered to HTML.
struct PublishedNotice {
  const Notice* notice = nullptr;
  const ResolvedCalendar* calendar = nullptr;
  std::string html;
};

// What every page renderer shares during one build.
struct SiteContext {
  SiteContext(const ResolvedProject& p, const SiteSources& s, DiagnosticSink& d)
      : project(p), site(s), sink(d), templates(s, d), urls(s.base_url) {}
  const ResolvedProject& project;
  const SiteSources& site;
  DiagnosticSink& sink;
  TemplateSet templates;
  SiteUrls urls;
  std::vector<PublishedNotice> notices; // newest first
  std::vector<std::string> pages;       // every HTML page written, for sitemap.xml

  std::vector<const PublishedNotice*> notices_of(const std::string& calendar_id) const;
  // Renders `template_name` into an artifact at `path` and records the page; nothing on error.
  void add_page(Artifacts& out, const std::string& path, const std::string& template_name,
                TemplateData data);
};

// The data every page's layout needs: root (relative prefix), page title, canonical URL,
// build date.
TemplateData page_base(const SiteContext& ctx, const std::string& path, const std::string& title,
                       const std::string& description);

} // namespace kaowu
