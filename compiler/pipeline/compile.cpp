#include "pipeline/compile.hpp"

#include "bind/feed_memory.hpp"
#include "bind/previous_build.hpp"
#include "check/check.hpp"
#include "load/domain_limits.hpp"
#include "load/loader.hpp"
#include "pipeline/builtin_templates.hpp"
#include "render/parallel.hpp"
#include "resolve/resolver.hpp"

namespace kaowu {

std::unique_ptr<Compilation> compile(const CompileInputs& inputs) {
  auto c = std::make_unique<Compilation>();
  const SourceTree& templates = inputs.templates ? *inputs.templates : builtin_templates();
  // The notices and templates are read while the calendars are loaded, resolved and checked: the
  // two meet only in bind. Each side has its own sink and source map, merged in this order, so
  // the diagnostics are those of one thread.
  DiagnosticSink site_sink;
  SourceMap site_sources;
  parallel_for(2, [&](size_t side) {
    if (side == 1) {
      c->site = load_site_sources(templates, inputs.notices, site_sink, site_sources);
      return;
    }
    c->project = load_project(*inputs.calendars, c->sink, c->sources);
    check_domain_limits(c->project, c->sink);
    if (c->project.calendars.empty() && !c->sink.has_errors()) {
      std::string root = inputs.calendars->display_root().empty() ? "." : inputs.calendars->display_root();
      c->sink.report(DiagKind::no_calendars, Location{root, 0, 0, 0}, {root});
    }
    c->resolved = resolve(c->project, c->sink);
    check(c->resolved, c->sink);
  });
  c->sink.absorb(std::move(site_sink));
  c->sources.absorb(std::move(site_sources));
  // A notice's body is the end of its file: the source map reads it in the Notice (which never
  // moves from here on) instead of keeping a second copy of every notice.
  c->site.notices.shrink_to_fit();
  for (const Notice& n : c->site.notices) c->sources.borrow_tail(n.file, n.body);
  c->bound = bind(c->resolved, c->site, inputs.bind, c->sink);
  if (inputs.previous && !c->sink.has_errors()) {
    check_against_previous(c->bound.feeds, *inputs.previous, c->sink);
    cancel_what_previous_build_published(c->bound.feeds, *inputs.previous, c->sink);
  }
  return c;
}

} // namespace kaowu
