#pragma once
#include "model/resolved.hpp"
#include "render/artifact.hpp"
#include "render/json/json_writer.hpp"

namespace kaowu {

// model/<calendar>.json: the resolved model of a calendar, as the compiler sees it after
// resolution (every inherited phase, concrete dates, what stays open). For debugging a calendar
// and for tools; written only on request (`kaowu build --model`). The public feeds have their
// own documented formats.
Artifact model_json_artifact(const ResolvedCalendar& calendar, JsonStyle style);

} // namespace kaowu
