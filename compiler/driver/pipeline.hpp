#pragma once
#include <iosfwd>
#include <optional>
#include <string>

#include "bind/bind.hpp"
#include "diag/printer.hpp"
#include "render/render_all.hpp"

namespace kaowu {

// What `kaowu check` and `kaowu build` were asked to do, after the command line was read.
// What `kaowu notices` writes for each notice (docs/site.md, docs/wechat.md).
enum class NoticeFormat { markdown, wechat, html };

struct RunOptions {
  std::string calendars_dir;
  std::string notices_dir;   // "" or missing: no notices
  std::string templates_dir; // "": the built-in templates
  std::string output_dir;    // build only
  BindOptions bind;
  RenderOptions render; // build only: --pretty, --model
  Lang lang = Lang::zh;
  bool json = false;
  bool deny_warnings = false;
  bool color = false;
  NoticeFormat notice_format = NoticeFormat::markdown; // notices only: --format
};

// `kaowu check` and `kaowu build`; they print diagnostics to `err` (or JSON to `out`) and return
// the exit code: 0 clean, 1 input errors (or warnings with --deny-warnings), 2 I/O trouble.
// Both run the same compile(), so check reports exactly what build would, short of writing.
int run_check(const RunOptions& options, std::ostream& out, std::ostream& err);
int run_build(const RunOptions& options, std::ostream& out, std::ostream& err);

// `kaowu notices [DIR] -o OUT`: every notice as Markdown with its values written in, as
// OUT/<calendar-id>/<slug>.md with a small TOML front matter, for a centre that pastes its
// notices into WeChat or another CMS. Checks like `kaowu build` and writes nothing when there
// are errors; OUT is replaced as a whole, atomically, like the site.
// With --format wechat or html, OUT/<calendar-id>/<slug>.html instead: one HTML fragment for a
// WeChat official account's editor, or for a content system (render/fragment/).
int run_notices(const RunOptions& options, std::ostream& out, std::ostream& err);

} // namespace kaowu
