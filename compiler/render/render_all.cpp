#include "render/render_all.hpp"

#include "render/model_json.hpp"
#include "render/public_readme.hpp"

namespace kaowu {

Artifacts render_all(const ResolvedProject& project, const SiteInputs& inputs, DiagnosticSink& sink) {
  (void)inputs;
  (void)sink;
  Artifacts out;
  auto append = [&out](Artifacts more) {
    for (Artifact& a : more) out.push_back(std::move(a));
  };
  append(render_model_json(project));
  out.push_back(public_readme());
  return out;
}

} // namespace kaowu
