#pragma once
#include "model/resolved.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// model/<calendar>.json: the resolved model of each calendar, as the compiler sees it after
// resolution (every inherited phase, concrete dates, what stays open). For debugging a calendar
// and for tools; the public feeds have their own documented formats.
Artifacts render_model_json(const ResolvedProject& project);

} // namespace kaowu
