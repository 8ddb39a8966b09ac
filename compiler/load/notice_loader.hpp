#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "io/source_tree.hpp"
#include "model/notice.hpp"

namespace kaowu {

// Reads every <calendar-id>/*.md of the notices tree (in path order). A missing directory is
// not an error: a site may publish no notices. A notice elsewhere in the tree (at the top, in a
// sub-folder) or named x.MD is a warning that says where notices go. The text of every file goes
// to `sources` so diagnostics can quote it. Whether <calendar-id> exists is checked by the bind
// stage, which knows the calendars.
std::vector<Notice> load_notices(const SourceTree& tree, DiagnosticSink& sink, SourceMap& sources);

// Parses one notice already in memory: "+++", TOML front matter (title, date, document), "+++",
// then the Markdown body. Reports problems at their line and column and returns nothing when
// the notice cannot be used.
std::optional<Notice> parse_notice(std::string_view text, const std::string& path,
                                   const std::string& calendar_id, const std::string& slug,
                                   DiagnosticSink& sink);

} // namespace kaowu
