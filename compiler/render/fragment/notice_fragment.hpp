#pragma once
#include "bind/bound_notice.hpp"
#include "layout/site_layout.hpp"
#include "load/site_sources.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// `kaowu notices --format wechat|html`: a bound notice as one HTML fragment to paste elsewhere,
// with the same values as its page on the site (notice_html), the revision banner when the
// calendar was corrected after it, and a link to its calendar page. Links are absolute when the
// layout has a base URL; without one the fragment can only link what is already absolute, so
// the calendar and correction links are left out (docs/wechat.md).
enum class FragmentFormat {
  // For a WeChat official account's editor: inline styles only (no style sheet, class or id,
  // which the editor strips), tables bordered cell by cell and scrolled sideways on a phone,
  // addresses written out as text (the editor keeps no link outside WeChat). Starts with
  // <meta charset="utf-8"> so a browser opening the file shows the Chinese to copy from.
  wechat,
  // For a content system: the site's semantic markup (article, the notice's classes, <time>),
  // readable with no style sheet (tables bordered inline), no script.
  cms,
};

// At <calendar-id>/<slug>.html; for WeChat, each image of the notice that is a static file of the
// site (templates/static/) follows at <calendar-id>/<slug>.images/<name>, to upload in the
// editor, which keeps only images uploaded to it. The fragment's <img> gives the image's address
// on the site with a base URL, else the file beside it.
Artifacts notice_fragment(const BoundNotice& notice, const SiteLayout& layout, FragmentFormat format,
                          const std::vector<StaticFile>& static_files);

} // namespace kaowu
