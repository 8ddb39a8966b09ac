#include "pipeline/compile.hpp"

#include "bind/previous_build.hpp"
#include "check/check.hpp"
#include "load/domain_limits.hpp"
#include "load/loader.hpp"
#include "pipeline/builtin_templates.hpp"
#include "resolve/resolver.hpp"

namespace kaowu {

std::unique_ptr<Compilation> compile(const CompileInputs& inputs) {
  auto c = std::make_unique<Compilation>();
  c->project = load_project(*inputs.calendars, c->sink, c->sources);
  check_domain_limits(c->project, c->sink);
  if (c->project.calendars.empty() && !c->sink.has_errors()) {
    std::string root = inputs.calendars->display_root().empty() ? "." : inputs.calendars->display_root();
    c->sink.report(DiagKind::no_calendars, Location{root, 0, 0, 0}, {root});
  }
  c->resolved = resolve(c->project, c->sink);
  check(c->resolved, c->sink);
  const SourceTree& templates = inputs.templates ? *inputs.templates : builtin_templates();
  c->site = load_site_sources(templates, inputs.notices, c->sink, c->sources);
  c->bound = bind(c->resolved, c->site, inputs.bind, c->sink);
  if (inputs.previous && !c->sink.has_errors()) check_against_previous(c->bound.feeds, *inputs.previous, c->sink);
  return c;
}

} // namespace kaowu
