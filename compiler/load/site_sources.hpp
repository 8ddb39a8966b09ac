#pragma once
#include <map>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "diag/source_map.hpp"

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
};

// Reads templates/ (static files and Mustache templates). A missing directory is not an error:
// the renderers that need templates report what they miss.
SiteSources load_site_sources(const std::string& templates_dir, const std::string& notices_dir,
                              const std::string& base_url, DiagnosticSink& sink, SourceMap& sources);

} // namespace kaowu
