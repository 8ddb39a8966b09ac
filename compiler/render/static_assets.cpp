#include "render/static_assets.hpp"

#include "render/media_types.hpp"

namespace kaowu {

Artifacts render_static_assets(const SiteSources& site) {
  Artifacts out;
  for (const StaticFile& f : site.static_files) out.push_back(Artifact{f.path, media_type_for(f.path), f.bytes});
  return out;
}

} // namespace kaowu
