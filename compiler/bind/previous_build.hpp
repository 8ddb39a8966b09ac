#pragma once
#include "bind/feed_events.hpp"
#include "diag/sink.hpp"
#include "io/source_tree.hpp"

namespace kaowu {

// Dates that changed since the previous build with no revision to tell subscribers (KW0402).
// `previous` is the output directory as the last `kaowu build` left it (the project's public/, or
// -o); its feeds/<calendar>.json are compared, item by id, with the feeds about to be built. A
// phase whose dates differ while its calendar's `revision` is the one that build published is
// reported once, at the phase, in the calendar that writes it. Nothing without a previous build;
// a previous file that cannot be read or parsed is passed over (it is output, not input).
void check_against_previous(const std::vector<Feed>& feeds, const SourceTree& previous, DiagnosticSink& sink);

} // namespace kaowu
