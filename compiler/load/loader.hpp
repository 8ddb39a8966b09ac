#pragma once
#include <string>

#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "io/source_tree.hpp"
#include "model/project.hpp"

namespace toml {
inline namespace v3 {
class table;
}
} // namespace toml

namespace kaowu {

// Reads every *.toml file of the calendars tree, in path order (never the file system's listing
// order). Files are named in diagnostics by the tree's display path. Problems go to `sink`
// (an unreadable directory or file is an io-error, a near-miss name such as x.TOML a warning);
// the text of every file goes to `sources` so printers can quote it.
Project load_project(const SourceTree& tree, DiagnosticSink& sink, SourceMap& sources);

// Loads one document already read into memory (used by load_project, tests and the fuzzer).
void load_document(std::string_view text, const std::string& path, Project& project,
                   DiagnosticSink& sink);

// The document loaders, one per top-level table.
void load_calendar(const toml::table& root, const std::string& path, Project& project, DiagnosticSink& sink);
void load_catalogue(const toml::table& root, const std::string& path, Project& project, DiagnosticSink& sink);
void load_holidays(const toml::table& root, const std::string& path, Project& project, DiagnosticSink& sink);
void load_rules(const toml::table& root, const std::string& path, Project& project, DiagnosticSink& sink);

} // namespace kaowu
