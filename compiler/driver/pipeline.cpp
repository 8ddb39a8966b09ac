#include "driver/pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <memory>
#include <ostream>

#include "check/check.hpp"
#include "load/loader.hpp"
#include "load/site_sources.hpp"
#include "publish/publisher.hpp"
#include "resolve/resolver.hpp"

namespace kaowu {

std::unique_ptr<Compilation> compile(const std::string& calendars_dir) {
  auto c = std::make_unique<Compilation>();
  c->project = load_project(calendars_dir, c->sink, c->sources);
  if (c->project.calendars.empty() && !c->sink.has_errors())
    c->sink.report(DiagKind::no_calendars, Location{calendars_dir, 0, 0, 0}, {calendars_dir});
  c->resolved = resolve(c->project, c->sink);
  check(c->resolved, c->sink);
  return c;
}

namespace {
bool has_io_error(const DiagnosticSink& sink) {
  const auto& all = sink.diagnostics();
  return std::any_of(all.begin(), all.end(), [](const Diagnostic& d) { return d.kind == DiagKind::io_error; });
}

// True when `inner` is `outer` or lies below it. Replacing `outer` would delete `inner`.
bool contains(const std::string& outer, const std::string& inner) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path o = fs::weakly_canonical(fs::absolute(outer, ec), ec);
  fs::path i = fs::weakly_canonical(fs::absolute(inner, ec), ec);
  if (ec) return false;
  auto [oi, ii] = std::mismatch(o.begin(), o.end(), i.begin(), i.end());
  return oi == o.end() || (std::next(oi) == o.end() && oi->empty());
}

int report(const Compilation& c, const RunOptions& options, std::ostream& out, std::ostream& err) {
  if (options.json) {
    print_json(out, c.sink, options.lang);
  } else {
    print_text(err, c.sink, c.sources, options.lang, options.color);
    err << summary_line(c.sink, options.lang) << '\n';
  }
  if (has_io_error(c.sink)) return 2;
  if (c.sink.has_errors()) return 1;
  if (options.deny_warnings && c.sink.warning_count() > 0) return 1;
  return 0;
}
} // namespace

int run_check(const RunOptions& options, std::ostream& out, std::ostream& err) {
  auto c = compile(options.calendars_dir);
  return report(*c, options, out, err);
}

int run_build(const RunOptions& options, std::ostream& out, std::ostream& err) {
  auto c = compile(options.calendars_dir);
  bool blocked = c->sink.has_errors() || (options.deny_warnings && c->sink.warning_count() > 0);
  for (const std::string& source : {options.calendars_dir, options.site.templates_dir, options.site.notices_dir})
    if (!source.empty() && contains(options.output_dir, source)) {
      c->sink.report(DiagKind::io_error, Location{options.output_dir, 0, 0, 0},
                     {"refusing to publish into '" + options.output_dir + "': it holds the sources '" +
                      source + "', which the build would replace"});
      blocked = true;
      break;
    }
  if (!blocked) {
    SiteSources site = load_site_sources(options.site.templates_dir, options.site.notices_dir,
                                         options.site.base_url, c->sink, c->sources);
    site.build_date = options.site.build_date;
    Artifacts artifacts = render_all(c->resolved, site, c->sink);
    blocked = c->sink.has_errors() || (options.deny_warnings && c->sink.warning_count() > 0);
    if (!blocked && publish(artifacts, options.output_dir, c->sink) && !options.json) {
      size_t bytes = 0;
      for (const Artifact& a : artifacts) bytes += a.bytes.size();
      err << (options.lang == Lang::zh ? "已生成 " : "wrote ") << artifacts.size()
          << (options.lang == Lang::zh ? " 个文件（" : " files (") << bytes
          << (options.lang == Lang::zh ? " 字节）到 " : " bytes) to ") << options.output_dir << '\n';
    }
  }
  if (blocked && !options.json)
    err << (options.lang == Lang::zh ? "未发布：输出目录保持原样。\n"
                                     : "nothing published: the output directory is unchanged.\n");
  return report(*c, options, out, err);
}

} // namespace kaowu
