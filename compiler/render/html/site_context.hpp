#pragma once
#include <optional>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "bind/bind.hpp"
#include "diag/sink.hpp"
#include "render/artifact.hpp"

namespace kaowu {

using TemplateData = kainjow::mustache::data;

// A page renders to at most this much; past it the template multiplies its data (a section that
// names an outer list inside lists), and the page is refused rather than filling the disk.
inline constexpr size_t kMaxPageBytes = 16 * 1024 * 1024;

// A bound notice rendered to HTML.
struct PublishedNotice {
  const Notice* notice = nullptr;
  const ResolvedCalendar* calendar = nullptr;
  std::string html;
  size_t state = 0; // the revision it was issued under (BoundNotice::state)
};

// What every page renderer shares during one build.
struct SiteContext {
  SiteContext(const BoundSite& s, DiagnosticSink& d) : site(s), project(*s.project), layout(s.layout), sink(d) {}
  const BoundSite& site;
  const ResolvedProject& project;
  const SiteLayout& layout;
  DiagnosticSink& sink;
  std::vector<PublishedNotice> notices; // newest first
  std::vector<std::string> pages;       // every HTML page written, for sitemap.xml

  std::vector<const PublishedNotice*> notices_of(const std::string& calendar_id) const;
  // Renders `template_name` into an artifact at `path` and records the page; nothing when the
  // template is missing or broken (bind reported it) or the page grows past kMaxPageBytes.
  void add_page(Artifacts& out, const std::string& path, const std::string& template_name,
                const TemplateData& data);
};

// The data every page's layout needs: root (relative prefix), page title, canonical URL,
// build date.
TemplateData page_base(const SiteContext& ctx, const std::string& path, const std::string& title,
                       const std::string& description);

} // namespace kaowu
