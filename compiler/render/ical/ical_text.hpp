#pragma once
#include <string>

#include <libical/ical.h>

namespace kaowu {

// The text of `component` (then freed): libical's output, with its one folding slip mended.
// libical 3.0.16 folds a line whose content fills exactly 74 octets between the CR and the LF
// that end it ("…\r" "\r\n " "\n"), which strict readers reject as a bare CR and LF; the repair
// joins them back into the one CRLF they were. A value never holds a raw CR (TEXT escapes line
// breaks as \n), so the sequence occurs nowhere else.
std::string ical_text_and_free(icalcomponent* component);

} // namespace kaowu
