#pragma once
#include "load/site_sources.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// templates/static/** published at the same paths under the output directory.
Artifacts render_static_assets(const SiteSources& site);

// The media type a file is served with, by its extension.
std::string media_type_for(const std::string& path);

} // namespace kaowu
