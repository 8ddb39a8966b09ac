#pragma once
#include <string>

#include "diag/sink.hpp"
#include "diag/source_map.hpp"
#include "model/project.hpp"

namespace toml {
inline namespace v3 {
class table;
}
} // namespace toml

namespace kaowu {

// Reads every *.toml file below `root` (sorted by path, so the listing order of the file
// system never changes the result). Files are named in diagnostics relative to the current
// directory as `display_root`/relative path. Problems go to `sink`; the text of every file goes
// to `sources` so printers can quote it.
Project load_project(const std::string& root, DiagnosticSink& sink, SourceMap& sources);

// Loads one document already read into memory (used by load_project, tests and the fuzzer).
void load_document(std::string_view text, const std::string& path, Project& project,
                   DiagnosticSink& sink);

// The document loaders, one per top-level table.
void load_calendar(const toml::table& root, const std::string& path, Project& project, DiagnosticSink& sink);
void load_catalogue(const toml::table& root, const std::string& path, Project& project, DiagnosticSink& sink);
void load_holidays(const toml::table& root, const std::string& path, Project& project, DiagnosticSink& sink);
void load_rules(const toml::table& root, const std::string& path, Project& project, DiagnosticSink& sink);

} // namespace kaowu
