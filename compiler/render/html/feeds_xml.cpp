#include <algorithm>

#include "model/history.hpp"
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
namespace {

struct AtomEntry {
  std::string date; // ISO
  std::string title, id, path, author, html;
};

// One entry per revision a calendar records, with its own id and date, so feed readers see the
// correction as news (the calendar page's banner and the correction page say the rest).
std::vector<AtomEntry> revision_entries(const SiteContext& ctx) {
  std::vector<AtomEntry> out;
  for (const ResolvedCalendar& cal : ctx.project.calendars) {
    const CalendarHistory* h = cal.history.get();
    if (!h) continue;
    for (size_t i = 0; i < h->revisions.size(); ++i) {
      const ChainRevision& r = h->revisions[i];
      if (r.calendar != cal.calendar || !r.record->issued) continue;
      const Revision& rev = *r.record;
      AtomEntry e;
      e.date = rev.issued->date.iso();
      e.title = correction_title(*cal.calendar, rev.number);
      e.id = "urn:kaowu:revision:" + cal.id() + ":" + std::to_string(rev.number);
      e.path = SiteLayout::correction_page(cal.id(), rev.number);
      e.author = rev.issuer.empty() ? cal.calendar->issuer : rev.issuer;
      e.html = "<p>" + html_escape(rev.title.value) + (rev.reason.empty() ? "" : "：" + html_escape(rev.reason)) + "</p><ul>";
      for (const PhaseChange& c : h->changes[i])
        e.html += "<li>" + html_escape(c.name) + "：" + (c.was_zh.empty() ? "" : "原定" + html_escape(c.was_zh) + "，") +
                  (c.kind == ChangeKind::cancelled ? "已取消" : "调整为" + html_escape(c.now_zh)) + "</li>";
      e.html += "</ul>";
      out.push_back(std::move(e));
    }
  }
  return out;
}

} // namespace

void render_atom(const SiteContext& ctx, const std::vector<std::string>& newest_html, Artifacts& out) {
  std::vector<AtomEntry> entries = revision_entries(ctx);
  size_t notices = std::min({ctx.notices.size(), kAtomEntries, newest_html.size()});
  for (size_t i = 0; i < notices; ++i) {
    const PublishedNotice& n = ctx.notices[i];
    AtomEntry e;
    e.date = n.notice->date ? n.notice->date->date.iso() : std::string();
    e.title = n.notice->title.value;
    e.id = "urn:kaowu:notice:" + n.calendar->id() + ":" + n.notice->slug;
    e.path = SiteLayout::notice_page(n.calendar->id(), n.notice->slug);
    e.author = n.calendar->calendar->issuer;
    e.html = newest_html[i];
    entries.push_back(std::move(e));
  }
  std::string updated = "1970-01-01";
  for (const AtomEntry& e : entries) updated = std::max(updated, e.date);
  // Newest first; notices keep their order among themselves (newest first, then by file).
  std::stable_sort(entries.begin(), entries.end(), [](const AtomEntry& a, const AtomEntry& b) { return a.date > b.date; });
  std::string self = ctx.layout.absolute() ? ctx.layout.url(SiteLayout::atom) : SiteLayout::atom;
  std::string home = ctx.layout.absolute() ? ctx.layout.url(SiteLayout::index_page()) : SiteLayout::index_page();
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n"
                    "  <title>卫生专业技术资格考试通知</title>\n"
                    "  <id>urn:kaowu:notices</id>\n"
                    "  <updated>" + updated + "T00:00:00+08:00</updated>\n"
                    "  <link rel=\"self\" href=\"" + html_escape(self) + "\"/>\n"
                    "  <link rel=\"alternate\" type=\"text/html\" href=\"" + html_escape(home) + "\"/>\n";
  size_t count = std::min(entries.size(), kAtomEntries);
  for (size_t i = 0; i < count; ++i) {
    const AtomEntry& e = entries[i];
    std::string href = ctx.layout.absolute() ? ctx.layout.url(e.path) : e.path;
    xml += "  <entry>\n"
           "    <title>" + html_escape(e.title) + "</title>\n"
           "    <id>" + html_escape(e.id) + "</id>\n"
           "    <updated>" + (e.date.empty() ? updated : e.date) + "T00:00:00+08:00</updated>\n"
           "    <author><name>" + html_escape(e.author) + "</name></author>\n"
           "    <link rel=\"alternate\" type=\"text/html\" href=\"" + html_escape(href) + "\"/>\n"
           "    <content type=\"html\">" + html_escape(e.html) + "</content>\n"
           "  </entry>\n";
  }
  xml += "</feed>\n";
  out.push_back(Artifact{SiteLayout::atom, "application/atom+xml", xml});
}

} // namespace kaowu
