#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "diag/sink.hpp"
#include "load/site_sources.hpp"

namespace kaowu {

// Bounds on templates, each a located error when passed: partials include partials at most this
// deep; sections nest at most this deep (a section that names an outer list renders it once per
// item of every enclosing list, so depth multiplies the output); a page with its partials
// written in is at most this large.
inline constexpr size_t kMaxPartialDepth = 8;
inline constexpr size_t kMaxSectionDepth = 8;
inline constexpr size_t kMaxExpandedTemplateBytes = 1024 * 1024;

// A page template with its partials written in, checked and ready to render. Partials are
// expanded here, once, instead of at every render (where the Mustache library re-parses a
// partial each time it meets one).
struct PageTemplate {
  std::string name; // "calendar-page.mustache"
  std::string text; // the page with every {{> partial}} replaced by the partial's text

  // Where each stretch of `text` came from, so an offset in it is located in its own file.
  struct Span {
    size_t at = 0;                      // offset in `text`
    const TemplateSource* source = nullptr;
    size_t source_offset = 0;           // offset in source->text
  };
  std::vector<Span> spans;
  Location locate(size_t offset) const;

  // Parsed once. Rendering a valid template only reads it, so threads may share it.
  std::shared_ptr<kainjow::mustache::mustache> parsed;
};

// Every template of the site, checked: Mustache syntax, partials that exist, partial recursion
// (direct or mutual), section depth, size. Each problem is reported once, at its file, line and
// column.
class TemplateLibrary {
public:
  TemplateLibrary() = default;
  // `pages` are the page templates the site renders; a missing one is reported.
  TemplateLibrary(const SiteSources& site, const std::vector<std::string>& pages, DiagnosticSink& sink);

  // nullptr when the page is missing or broken (already reported).
  const PageTemplate* page(const std::string& name) const;

private:
  std::map<std::string, PageTemplate> pages_;
};

// The location of byte `offset` of `text` (1-based line, column in code points).
Location location_in(const std::string& text, size_t offset, const std::string& file);

} // namespace kaowu
