#pragma once
#include <vector>

#include "bind/feed_events.hpp"
#include "diag/sink.hpp"
#include "io/source_tree.hpp"

namespace kaowu {

// The previous build is the memory of what subscribers hold. Every event a feed of the previous
// build in the output directory published (in force or already cancelled) that this build's
// feed no longer carries with a date is published once more as cancelled, under its old UID and
// dates, one SEQUENCE above the feed's (the revision may not have risen), whether or not a
// `[[revisions]]` record dropped it: a phone never keeps an event kaowu no longer publishes. What
// the revision history or a `[[withdrawn]]` entry cancels already is left to them. An event that
// was in force and is gone with no record saying so is reported (KW0402) once per phase, in the
// calendar highest in the chain whose feed lost it.
void cancel_what_previous_build_published(std::vector<Feed>& feeds, const SourceTree& previous, DiagnosticSink& sink);

} // namespace kaowu
