#pragma once
#include "load/site_sources.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// templates/static/** published at the same paths under the output directory.
Artifacts render_static_assets(const SiteSources& site);

} // namespace kaowu
