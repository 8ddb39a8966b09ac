#pragma once
#include <ostream>

#include "diag/sink.hpp"
#include "diag/source_map.hpp"

namespace kaowu {

enum class Lang { zh, en };

// file:line:col: error[KW0004]: message, then the source line with a caret, then notes and
// a help line — the shape compilers print, so editors can jump to the place.
void print_text(std::ostream& out, const DiagnosticSink& sink, const SourceMap& sources,
                Lang lang, bool color);
// "N errors, M warnings" in the chosen language.
std::string summary_line(const DiagnosticSink& sink, Lang lang);
// The machine-readable report documented in docs/diagnostics.md.
void print_json(std::ostream& out, const DiagnosticSink& sink, Lang lang);

} // namespace kaowu
