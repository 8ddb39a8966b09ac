#include "render/render_all.hpp"

#include "render/json/render_json.hpp"
#include "render/model_json.hpp"
#include "render/public_readme.hpp"
#include "render/static_assets.hpp"

namespace kaowu {

Artifacts render_all(const ResolvedProject& project, const SiteSources& site, DiagnosticSink& sink) {
  (void)sink;
  Artifacts out;
  auto append = [&out](Artifacts more) {
    for (Artifact& a : more) out.push_back(std::move(a));
  };
  append(render_model_json(project));
  append(render_json(project, site, sink));
  append(render_static_assets(site));
  out.push_back(public_readme());
  return out;
}

} // namespace kaowu
