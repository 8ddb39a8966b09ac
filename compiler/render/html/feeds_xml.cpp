#include <algorithm>

#include "text/html_escape.hpp"
#include "render/html/pages.hpp"

namespace kaowu {

// Without --base-url the locations are paths relative to the site root: the file still lists
// every page, but search engines need the absolute form (docs/site.md says so).
void render_sitemap(const SiteContext& ctx, Artifacts& out) {
  std::vector<std::string> pages = ctx.pages;
  std::sort(pages.begin(), pages.end());
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const std::string& p : pages) {
    std::string loc = ctx.layout.absolute() ? ctx.layout.url(p) : p;
    xml += "  <url><loc>" + html_escape(loc) + "</loc></url>\n";
  }
  xml += "</urlset>\n";
  out.push_back(Artifact{SiteLayout::sitemap, "application/xml", xml});
}

// An Atom feed of the notices, newest first. Ids are tag-free URNs derived from the calendar
// and the notice's file name, so they stay the same when the site moves. Readers poll for what is
// new, so the feed carries the latest notices only; every notice stays on its page and in the
// sitemap. (At national scale the full feed was a 58 MB file.)
void render_atom(const SiteContext& ctx, const std::vector<std::string>& newest_html, Artifacts& out) {
  std::string updated = "1970-01-01";
  for (const PublishedNotice& n : ctx.notices)
    if (n.notice->date) updated = std::max(updated, n.notice->date->date.iso());
  std::string self = ctx.layout.absolute() ? ctx.layout.url(SiteLayout::atom) : SiteLayout::atom;
  std::string home = ctx.layout.absolute() ? ctx.layout.url(SiteLayout::index_page()) : SiteLayout::index_page();
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n"
                    "  <title>卫生专业技术资格考试通知</title>\n"
                    "  <id>urn:kaowu:notices</id>\n"
                    "  <updated>" + updated + "T00:00:00+08:00</updated>\n"
                    "  <link rel=\"self\" href=\"" + html_escape(self) + "\"/>\n"
                    "  <link rel=\"alternate\" type=\"text/html\" href=\"" + html_escape(home) + "\"/>\n";
  size_t entries = std::min({ctx.notices.size(), kAtomEntries, newest_html.size()});
  for (size_t i = 0; i < entries; ++i) {
    const PublishedNotice& n = ctx.notices[i];
    std::string path = SiteLayout::notice_page(n.calendar->id(), n.notice->slug);
    std::string href = ctx.layout.absolute() ? ctx.layout.url(path) : path;
    std::string date = n.notice->date ? n.notice->date->date.iso() : updated;
    xml += "  <entry>\n"
           "    <title>" + html_escape(n.notice->title.value) + "</title>\n"
           "    <id>urn:kaowu:notice:" + n.calendar->id() + ":" + n.notice->slug + "</id>\n"
           "    <updated>" + date + "T00:00:00+08:00</updated>\n"
           "    <author><name>" + html_escape(n.calendar->calendar->issuer) + "</name></author>\n"
           "    <link rel=\"alternate\" type=\"text/html\" href=\"" + html_escape(href) + "\"/>\n"
           "    <content type=\"html\">" + html_escape(newest_html[i]) + "</content>\n"
           "  </entry>\n";
  }
  xml += "</feed>\n";
  out.push_back(Artifact{SiteLayout::atom, "application/atom+xml", xml});
}

} // namespace kaowu
