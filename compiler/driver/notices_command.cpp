#include "driver/notices_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <ostream>

#include "load/notice_loader.hpp"
#include "publish/publisher.hpp"
#include "render/html/placeholders.hpp"

namespace kaowu {
namespace {

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// The notice's own front matter, plus what a reader of the file alone needs to place it: the
// calendar it belongs to and who issued it. Hugo, Hexo and most CMS importers read this shape.
std::string front_matter(const Notice& n, const ResolvedCalendar& cal) {
  std::string out = "+++\ntitle = " + toml_string(n.title.value) + "\n";
  if (n.date) out += "date = " + n.date->date.iso() + "\n";
  if (!n.document.empty()) out += "document = " + toml_string(n.document) + "\n";
  out += "calendar = " + toml_string(cal.id()) + "\n";
  out += "calendar_title = " + toml_string(cal.calendar->title) + "\n";
  out += "issuer = " + toml_string(cal.calendar->issuer) + "\n";
  return out + "+++\n";
}

// True when `inner` is `outer` or lies below it: replacing `outer` would delete `inner`
// (`-o notices` would replace the notices with their own export).
bool contains(const std::string& outer, const std::string& inner) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path o = fs::weakly_canonical(fs::absolute(outer, ec), ec);
  fs::path i = fs::weakly_canonical(fs::absolute(inner, ec), ec);
  if (ec) return false;
  auto [oi, ii] = std::mismatch(o.begin(), o.end(), i.begin(), i.end());
  return oi == o.end() || (std::next(oi) == o.end() && oi->empty());
}

bool blocked_by(const DiagnosticSink& sink, const RunOptions& options) {
  return sink.has_errors() || (options.deny_warnings && sink.warning_count() > 0);
}

// The same report and exit codes as check and build: 2 for I/O, 1 for input errors.
int report(const Compilation& c, const RunOptions& options, std::ostream& out, std::ostream& err) {
  if (options.json) {
    print_json(out, c.sink, options.lang);
  } else {
    print_text(err, c.sink, c.sources, options.lang, options.color);
    err << summary_line(c.sink, options.lang) << '\n';
  }
  const auto& all = c.sink.diagnostics();
  if (std::any_of(all.begin(), all.end(), [](const Diagnostic& d) { return d.kind == DiagKind::io_error; }))
    return 2;
  return blocked_by(c.sink, options) ? 1 : 0;
}

} // namespace

int run_notices(const RunOptions& options, std::ostream& out, std::ostream& err) {
  auto c = compile(options.calendars_dir);
  bool zh = options.lang == Lang::zh;
  bool blocked = blocked_by(c->sink, options);
  for (const std::string& source : {options.calendars_dir, options.site.notices_dir})
    if (!blocked && contains(options.output_dir, source)) {
      c->sink.report(DiagKind::io_error, Location{options.output_dir, 0, 0, 0},
                     {"refusing to write into '" + options.output_dir + "': it holds the sources '" + source +
                      "', which the export would replace"});
      blocked = true;
    }
  if (!blocked) {
    Artifacts files;
    for (const Notice& n : load_notices(options.site.notices_dir, c->sink, c->sources)) {
      const ResolvedCalendar* cal = c->resolved.find(n.calendar_id);
      if (cal == nullptr) {
        c->sink.report(DiagKind::notice_calendar, Location{n.file, 0, 0, 0}, {n.calendar_id});
        continue;
      }
      std::string body = bind_placeholders(n, *cal, c->sink);
      if (!body.empty() && body.back() != '\n') body += '\n';
      files.push_back(Artifact{n.calendar_id + "/" + n.slug + ".md", "text/markdown; charset=utf-8",
                               front_matter(n, *cal) + body});
    }
    blocked = blocked_by(c->sink, options);
    if (!blocked && publish(files, options.output_dir, c->sink) && !options.json)
      err << (zh ? "已导出 " : "wrote ") << files.size() << (zh ? " 篇通知到 " : " notices to ")
          << options.output_dir << '\n';
  }
  if (blocked && !options.json)
    err << (zh ? "未导出：输出目录保持原样。\n" : "nothing written: the output directory is unchanged.\n");
  return report(*c, options, out, err);
}

} // namespace kaowu
