#include "driver/pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <memory>
#include <ostream>

#include "driver/build_fingerprint.hpp"
#include "io/snapshot_tree.hpp"
#include "load/site_sources.hpp"
#include "load/tree_walk.hpp"
#include "pipeline/compile.hpp"
#include "publish/build_stamp.hpp"
#include "publish/publisher.hpp"
#include "render/fragment/notice_fragment.hpp"
#include "render/markdown/notice_markdown.hpp"
#include "render/render_all.hpp"

namespace kaowu {

namespace {

// The trees a run reads, on disk.
struct DiskInputs {
  std::unique_ptr<DiskTree> calendars, notices, templates, previous;
  CompileInputs inputs;
};

std::unique_ptr<DiskInputs> disk_inputs(const RunOptions& options, bool with_previous = false) {
  auto d = std::make_unique<DiskInputs>();
  d->calendars = std::make_unique<DiskTree>(options.calendars_dir);
  if (!options.notices_dir.empty()) d->notices = std::make_unique<DiskTree>(options.notices_dir);
  if (!options.templates_dir.empty()) d->templates = std::make_unique<DiskTree>(options.templates_dir);
  // The previous build, when the output directory holds one (docs/diagnostics.md, KW0402).
  std::error_code ec;
  if (with_previous && !options.output_dir.empty() && std::filesystem::is_directory(options.output_dir + "/feeds", ec))
    d->previous = std::make_unique<DiskTree>(options.output_dir);
  d->inputs.previous = d->previous.get();
  d->inputs.calendars = d->calendars.get();
  d->inputs.notices = d->notices.get();
  d->inputs.templates = d->templates.get();
  d->inputs.bind = options.bind;
  return d;
}

// A build's inputs as of one moment (io/snapshot_tree.hpp): compiled from, and digested for the
// build's fingerprint.
struct Snapshot {
  std::vector<std::unique_ptr<SnapshotTree>> trees;
  CompileInputs inputs;

  explicit Snapshot(const DiskInputs& disk) : inputs(disk.inputs) {
    for (const SourceTree** tree : {&inputs.calendars, &inputs.notices, &inputs.templates})
      if (*tree) *tree = trees.emplace_back(std::make_unique<SnapshotTree>(**tree, kMaxTreeDepth, kMaxStaticBytes)).get();
  }
  // Every tree's digest, in a fixed order, and which trees there are.
  std::string digest() const {
    Digest all;
    for (const SourceTree* tree : {inputs.calendars, inputs.notices, inputs.templates})
      all.add(tree ? static_cast<const SnapshotTree*>(tree)->digest() : "none");
    return all.hex();
  }
  bool complete() const {
    return std::all_of(trees.begin(), trees.end(), [](const auto& t) { return t->complete(); });
  }
};

bool has_io_error(const DiagnosticSink& sink) {
  const auto& all = sink.diagnostics();
  return std::any_of(all.begin(), all.end(), [](const Diagnostic& d) { return info(d.kind).code >= 900; });
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

bool blocked(const Compilation& c, const RunOptions& options) {
  return c.sink.has_errors() || (options.deny_warnings && c.sink.warning_count() > 0);
}

// Refuses an output directory that holds one of the inputs: replacing it would delete them
// (`-o .` in a checkout, `-o notices` for the export).
bool output_holds_sources(Compilation& c, const RunOptions& options) {
  for (const std::string& source : {options.calendars_dir, options.templates_dir, options.notices_dir})
    if (!source.empty() && contains(options.output_dir, source)) {
      c.sink.report_localized(DiagKind::io_error, Location{options.output_dir, 0, 0, 0},
                              {"refusing to write into '" + options.output_dir + "': it holds the sources '" + source +
                               "', which the output would replace"},
                              {"拒绝写入“" + options.output_dir + "”：其中有源文件“" + source + "”，输出会替换掉它们"});
      return true;
    }
  return false;
}

void nothing_written(const RunOptions& options, std::ostream& err, bool exported) {
  if (options.json) return;
  if (options.lang == Lang::zh) err << (exported ? "未导出" : "未发布") << "：输出目录保持原样。\n";
  else err << (exported ? "nothing written" : "nothing published") << ": the output directory is unchanged.\n";
}

} // namespace

// Values `kaowu import` drafted and nobody confirmed (KW0501 each): one finding that counts
// them, at the first; an error for build, which publishes no draft, a warning for check.
void report_unconfirmed(Compilation& c, Severity severity) {
  size_t n = 0;
  Location first;
  for (const Diagnostic& d : c.sink.diagnostics())
    if (d.kind == DiagKind::imported_unconfirmed && n++ == 0) first = d.loc;
  if (n > 0) c.sink.report(DiagKind::imported_not_publishable, severity, first, {std::to_string(n)});
}

int run_check(const RunOptions& options, std::ostream& out, std::ostream& err) {
  auto disk = disk_inputs(options, true);
  auto c = compile(disk->inputs);
  report_unconfirmed(*c, Severity::warning);
  return report(*c, options, out, err);
}

void say_up_to_date(const RunOptions& options, std::ostream& err) {
  if (options.json) return;
  bool zh = options.lang == Lang::zh;
  err << (zh ? "没有变化：" : "nothing changed: ") << options.output_dir << (zh ? " 已是最新。\n" : " is up to date.\n");
}

int run_build(const RunOptions& options, std::ostream& out, std::ostream& err) {
  auto disk = disk_inputs(options, true);
  auto snapshot = std::make_unique<Snapshot>(*disk);
  std::string fingerprint = build_fingerprint(snapshot->digest(), options);
  // Nothing changed since a build that reported nothing: the same input would report nothing
  // again and write the same bytes, so it is not even compiled (docs/performance.md, "Rebuilds").
  if (output_up_to_date(options.output_dir, fingerprint, true)) {
    remove_stale_staging(options.output_dir);
    say_up_to_date(options, err);
    Compilation nothing;
    return report(nothing, options, out, err);
  }
  auto c = compile(snapshot->inputs);
  report_unconfirmed(*c, Severity::error);
  // The fingerprint covers what was compiled only if every question was answered from the
  // snapshot; and the snapshot's bytes are not needed past compile().
  if (!snapshot->complete()) fingerprint.clear();
  snapshot.reset();
  bool stop = blocked(*c, options) || output_holds_sources(*c, options);
  bool zh = options.lang == Lang::zh;
  if (!stop) {
    // Nothing changed since a build that reported something (warnings, printed again above):
    // the output stays as it is, every file.
    if (!fingerprint.empty() && output_up_to_date(options.output_dir, fingerprint)) {
      remove_stale_staging(options.output_dir);
      say_up_to_date(options, err);
      return report(*c, options, out, err);
    }
    Publisher publisher(options.output_dir, c->sink);
    if (!publisher.ok()) {
      stop = true;
    } else {
      render_all(c->bound, options.render, publisher, c->sink);
      stop = blocked(*c, options);
      bool clean = c->sink.diagnostics().empty();
      // A publish that fails (a full disk) leaves the output as it was, and says so.
      if (!stop && !publisher.commit(fingerprint, clean)) stop = true;
      else if (!stop && !options.json) {
        Publisher::Counts n = publisher.counts();
        err << (zh ? "已生成 " : "wrote ") << n.written << (zh ? " 个文件" : " files");
        if (n.written < n.files)
          err << (zh ? "，" : ", ") << n.files - n.written << (zh ? " 个未变（共 " : " unchanged (") << n.files
              << (zh ? " 个，" : " files, ");
        else
          err << (zh ? "（" : " (");
        err << n.bytes << (zh ? " 字节）到 " : " bytes) to ") << options.output_dir << '\n';
      }
    }
  }
  if (stop) nothing_written(options, err, false);
  return report(*c, options, out, err);
}

int run_notices(const RunOptions& options, std::ostream& out, std::ostream& err) {
  auto disk = disk_inputs(options);
  auto c = compile(disk->inputs);
  bool stop = blocked(*c, options) || output_holds_sources(*c, options);
  if (!stop) {
    Artifacts files;
    for (const BoundNotice& n : c->bound.notices) {
      if (options.notice_format == NoticeFormat::markdown) files.push_back(notice_markdown(n));
      else
        for (Artifact& a : notice_fragment(n, c->bound.layout,
                                           options.notice_format == NoticeFormat::wechat ? FragmentFormat::wechat
                                                                                          : FragmentFormat::cms,
                                           c->site.static_files))
          files.push_back(std::move(a));
    }
    std::sort(files.begin(), files.end(), [](const Artifact& a, const Artifact& b) { return a.path < b.path; });
    if (!publish(files, options.output_dir, c->sink)) {
      stop = true;
    } else if (!options.json) {
      bool zh = options.lang == Lang::zh;
      size_t notices = c->bound.notices.size(), images = files.size() - notices;
      err << (zh ? "已导出 " : "wrote ") << notices << (zh ? " 篇通知" : " notices");
      if (images > 0) err << (zh ? "和 " : " and ") << images << (zh ? " 张待上传的图片" : images == 1 ? " image to upload" : " images to upload");
      err << (zh ? "到 " : " to ") << options.output_dir << '\n';
      // Without a base URL a fragment pasted elsewhere cannot link back to the site.
      if (options.notice_format != NoticeFormat::markdown && !c->bound.layout.absolute())
        err << (zh ? "注意：未给出 --base-url，导出的通知中没有日程页和更正公告的链接。\n"
                   : "note: no --base-url, so the exported notices link neither the calendar page nor the corrections.\n");
    }
  }
  if (stop) nothing_written(options, err, true);
  return report(*c, options, out, err);
}

} // namespace kaowu
