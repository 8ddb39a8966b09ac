#pragma once
#include <iosfwd>

#include "driver/pipeline.hpp"

namespace kaowu {

// `kaowu notices [DIR] -o OUT`: every notice as Markdown with its placeholders filled in, as
// OUT/<calendar-id>/<slug>.md with a small TOML front matter (title, date, …), for a centre that
// pastes its notices into WeChat or another CMS. Checks like `kaowu build` and writes nothing
// when there are errors; OUT is replaced as a whole, atomically, like the site.
int run_notices(const RunOptions& options, std::ostream& out, std::ostream& err);

} // namespace kaowu
