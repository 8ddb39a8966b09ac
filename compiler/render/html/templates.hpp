#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>

#include <kainjow/mustache.hpp>

#include "diag/sink.hpp"
#include "load/site_sources.hpp"

namespace kaowu {

using TemplateData = kainjow::mustache::data;

// The site's Mustache templates (templates/*.mustache): pages (<kind>-page.mustache) and
// partials, whose file names start with '_' and which pages include by that name without
// ".mustache" ({{> _layout-head}}). Data keys never start with '_', so no partial shadows data. {{x}} is HTML-escaped,
// {{{x}}} is not (used only for HTML the renderer built itself).
class TemplateSet {
public:
  // Parses every template once and reports each syntax error at its file, line and column.
  TemplateSet(const SiteSources& site, DiagnosticSink& sink);

  // Renders `name` ("calendar.mustache"). Reports a missing or broken template (once) and
  // returns nothing.
  std::optional<std::string> render(const std::string& name, TemplateData data);

private:
  const SiteSources& site_;
  DiagnosticSink& sink_;
  std::map<std::string, bool> valid_; // by file name
  std::set<std::string> reported_; // problems reported once, not once per page
};

// The location of character offset `offset` in `text` (1-based line and column).
Location location_in(const std::string& text, size_t offset, const std::string& file);

} // namespace kaowu
