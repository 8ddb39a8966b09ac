#pragma once
#include <string>
#include <vector>

#include "bind/bound_notice.hpp"
#include "bind/feed_events.hpp"
#include "diag/diagnostic.hpp"
#include "diag/sink.hpp"
#include "load/site_sources.hpp"
#include "model/resolved.hpp"

namespace kaowu {

// One file `kaowu build` will write, and the input its name comes from.
struct PlannedFile {
  std::string path;  // as the renderers name it (site_layout.hpp), relative to the output
  Location source;   // the key or file that names it; none for kaowu's own files (index.html)
  Bilingual what;    // that input in words: "specialty code 'A1'", "专业代码“A1”"
};

// Every file the renderers will write for this site, from the model and the layout alone, before
// anything is rendered: pages, feeds (`feeds`, empty when the model has errors), model files
// (written with --model only, but planned always, so that a collision does not depend on a flag),
// static files, kaowu's own files. A test holds it equal to what render_all returns with --model.
std::vector<PlannedFile> plan_outputs(const ResolvedProject& project, const SiteSources& site,
                                      const std::vector<BoundNotice>& notices, const std::vector<Feed>& feeds);

// Two planned files that would be one on the server are located errors at both of their
// sources: the same path, paths that differ only in ASCII case (one file on Windows and macOS
// servers), or a file where another needs a folder of the same name.
void check_output_paths(const std::vector<PlannedFile>& plan, DiagnosticSink& sink);

} // namespace kaowu
