#pragma once
#include "bind/feed_events.hpp"

namespace kaowu {

// Tells a feed's subscribers what the revisions of its calendar changed. Its events are built
// again from the calendar as each earlier revision published it and compared by key (the UID),
// so that each event gets the date of the revision that gave it its present form
// (LAST-MODIFIED) and, when a revision moved it, the dates it had before (原定…); an event an
// earlier revision dated that this one drops, or leaves to be announced, is kept as cancelled;
// and `changes` lists every change, the newest first. Nothing happens without a history.
void apply_history(Feed& feed);

} // namespace kaowu
