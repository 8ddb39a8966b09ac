#pragma once
#include "render/artifact.hpp"

namespace kaowu {

// public/.htaccess for Apache: feeds as text/calendar, data as application/json, pages as
// text/html, all with charset=utf-8 (served as application/octet-stream or without a charset,
// phones garble the Chinese), and CORS on the feeds and data so other sites can embed them.
// docs/serving.md has the same for nginx.
Artifact htaccess();

} // namespace kaowu
