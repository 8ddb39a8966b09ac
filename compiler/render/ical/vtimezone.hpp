#pragma once
#include <libical/ical.h>

namespace kaowu {

// The one zone the exam calendars use. Published as plain "Asia/Shanghai" (the IANA name that
// Google, Apple and Outlook recognise), not libical's "/freeassociation.sourceforge.net/" form.
inline constexpr const char* kShanghaiTzid = "Asia/Shanghai";

// A minimal VTIMEZONE for Asia/Shanghai: one STANDARD component at +0800 and nothing else.
// libical's built-in zone carries the 1919–1949 daylight-saving history as RDATE blocks, which
// Outlook mishandles; China has kept +0800 without daylight saving since 1991 and every exam
// date is after that. The caller owns the returned component.
icalcomponent* shanghai_vtimezone();

} // namespace kaowu
