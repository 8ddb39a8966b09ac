#pragma once
#include <string>

#include "bind/bound_notice.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// A bound notice as Markdown with its values written in, for `kaowu notices` (a centre pastes it
// into WeChat or another CMS): a TOML front matter (title, date, document, calendar, its title
// and issuer) and the body. Text values are escaped so Markdown shows them as typed; tables are
// GFM tables. At <calendar-id>/<slug>.md.
Artifact notice_markdown(const BoundNotice& notice);

// The body alone.
std::string bound_markdown(const BoundNotice& notice);

} // namespace kaowu
