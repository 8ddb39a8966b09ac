#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "model/date.hpp"
#include "model/notice.hpp"

namespace kaowu {

// A file published as it is (CSS, the embed widget, the JSON Schema).
struct StaticFile {
  std::string path; // relative to templates/static/, '/'-separated
  std::string bytes;
};

// Everything of the site beside the calendars, read into memory by the load stage so that
// renderers never touch the disk.
struct SiteSources {
  std::string templates_dir;
  std::string notices_dir;
  std::string base_url;
  std::vector<StaticFile> static_files;        // templates/static/** in path order
  std::map<std::string, std::string> templates; // templates/*.mustache by file name
  std::map<std::string, std::string> template_paths; // file name -> path shown in diagnostics
  std::vector<Notice> notices;                  // notices/<calendar-id>/*.md in path order
  // The day pages mark phases past/open/upcoming for (--today or SOURCE_DATE_EPOCH); without
  // it pages list every phase and the visitor's browser marks them.
  std::optional<Date> build_date;
};

// Reads templates/ (static files and Mustache templates) and notices/. A missing directory is not an error:
// the renderers that need templates report what they miss.
SiteSources load_site_sources(const std::string& templates_dir, const std::string& notices_dir,
                              const std::string& base_url, DiagnosticSink& sink, SourceMap& sources);

} // namespace kaowu
