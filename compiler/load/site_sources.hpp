#pragma once
#include <map>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "io/source_tree.hpp"
#include "model/notice.hpp"

namespace kaowu {

// Bounds on the site's inputs beside the calendars, as load/input_limits.hpp bounds calendars.
// A real notice is a few kilobytes and a template under 10 KB; a static file may be a scanned
// form (PDF) a centre links from a notice.
inline constexpr size_t kMaxNoticeBytes = 256 * 1024;
inline constexpr size_t kMaxTemplateBytes = 256 * 1024;
inline constexpr size_t kMaxStaticBytes = 16 * 1024 * 1024;

// A file published as it is (CSS, the embed widget, the JSON Schema).
struct StaticFile {
  std::string path; // relative to templates/static/, '/'-separated
  std::string bytes;
};

// A Mustache template as read: templates/<name>.
struct TemplateSource {
  std::string name;    // "calendar-page.mustache", "_layout-head.mustache"
  std::string text;
  std::string display; // the path shown in diagnostics
};

// Everything of the site beside the calendars, read into memory by the load stage so that no
// later stage touches the disk.
struct SiteSources {
  std::string templates_root;                   // the templates directory as diagnostics name it
  std::vector<StaticFile> static_files;         // templates/static/** in path order
  std::map<std::string, TemplateSource> templates; // templates/*.mustache by file name
  std::vector<Notice> notices;                  // notices/<calendar-id>/*.md in path order
};

// Reads templates/ (Mustache templates and static/ files) and notices/ (none when `notices` is
// null) through their trees. Unreadable entries are io-errors, links out of a tree are errors,
// files kaowu does not read but whose names suggest it should (x.MD, a notice in a sub-folder)
// are warnings that say what kaowu reads.
SiteSources load_site_sources(const SourceTree& templates, const SourceTree* notices, DiagnosticSink& sink,
                              SourceMap& sources);

} // namespace kaowu
