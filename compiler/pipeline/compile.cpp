#include "pipeline/compile.hpp"

#include "check/check.hpp"
#include "load/loader.hpp"
#include "pipeline/builtin_templates.hpp"
#include "resolve/resolver.hpp"

namespace kaowu {

std::unique_ptr<Compilation> compile(const CompileInputs& inputs) {
  auto c = std::make_unique<Compilation>();
  c->project = load_project(*inputs.calendars, c->sink, c->sources);
  if (c->project.calendars.empty() && !c->sink.has_errors()) {
    std::string root = inputs.calendars->display_root().empty() ? "." : inputs.calendars->display_root();
    c->sink.report(DiagKind::no_calendars, Location{root, 0, 0, 0}, {root});
  }
  c->resolved = resolve(c->project, c->sink);
  check(c->resolved, c->sink);
  const SourceTree& templates = inputs.templates ? *inputs.templates : builtin_templates();
  c->site = load_site_sources(templates, inputs.notices, c->sink, c->sources);
  // A notice's body is the end of its file: the source map reads it in the Notice (which never
  // moves from here on) instead of keeping a second copy of every notice.
  c->site.notices.shrink_to_fit();
  for (const Notice& n : c->site.notices) c->sources.borrow_tail(n.file, n.body);
  c->bound = bind(c->resolved, c->site, inputs.bind, c->sink);
  return c;
}

} // namespace kaowu
