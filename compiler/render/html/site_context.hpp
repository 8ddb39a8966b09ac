#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <kainjow/mustache.hpp>

#include "bind/bind.hpp"
#include "diag/sink.hpp"
#include "render/artifact.hpp"
#include "render/html/notice_html.hpp"

namespace kaowu {

using TemplateData = kainjow::mustache::data;

// A page renders to at most this much; past it the template multiplies its data (a section that
// names an outer list inside lists), and the page is refused rather than filling the disk.
inline constexpr size_t kMaxPageBytes = 16 * 1024 * 1024;

// A bound notice as the pages list it. `html` is filled only while the notice's own page is
// rendered (and for the entries of atom.xml): a notice's HTML is never held for the whole build.
struct PublishedNotice {
  const Notice* notice = nullptr;
  const ResolvedCalendar* calendar = nullptr;
  std::string html;
  size_t state = 0; // the revision it was issued under (BoundNotice::state)
};

// What every page of a build may read, made once before the pages render on several threads and
// only read after.
struct SiteIndex {
  explicit SiteIndex(const BoundSite& site);
  std::vector<PublishedNotice> notices; // newest first, without their HTML
  std::unordered_map<std::string, std::vector<const PublishedNotice*>> by_calendar;
  TablesHtml tables; // the HTML of every table a notice may name, rendered once per calendar
  // The specialty feeds of the calendar that defines `cal`'s exam, in catalogue order (a site
  // calendar's candidates use their region's); empty when there are none. Found once per exam,
  // not by a scan of every feed per page.
  const std::vector<const Feed*>& specialty_feeds_for(const ResolvedCalendar& cal) const;

private:
  std::unordered_map<std::string, std::vector<const Feed*>> specialty_feeds_; // by exam_defined_in
};

// What a page renderer works with: the bound site and the index, shared by every thread, and its
// own sink and list of pages (one context per job, so jobs need no locks).
struct SiteContext {
  SiteContext(const BoundSite& s, const SiteIndex& i, DiagnosticSink& d)
      : site(s), project(*s.project), layout(s.layout), sink(d), index(i), notices(i.notices) {}
  const BoundSite& site;
  const ResolvedProject& project;
  const SiteLayout& layout;
  DiagnosticSink& sink;
  const SiteIndex& index;
  const std::vector<PublishedNotice>& notices; // newest first
  std::vector<std::string> pages;              // the HTML pages this context rendered, for sitemap.xml

  std::vector<const PublishedNotice*> notices_of(const std::string& calendar_id) const;
  // Renders `template_name` into an artifact at `path` and records the page; nothing when the
  // template is missing or broken (bind reported it) or the page grows past kMaxPageBytes.
  void add_page(Artifacts& out, const std::string& path, const std::string& template_name,
                const TemplateData& data);
};

// The data every page's layout needs: root (relative prefix), page title, canonical URL,
// build date.
TemplateData page_base(const SiteContext& ctx, const std::string& path, const std::string& title,
                       const std::string& description);

// `value` as member `name` of `data`, and `item` at the end of `list`, moved rather than copied:
// kainjow's set() and push_back() copy the whole tree, so a page's lists of phases, rows and
// notices were copied once per level of nesting (a quarter of a national build's instructions).
void put(TemplateData& data, const std::string& name, TemplateData&& value);
void push(TemplateData& list, TemplateData&& item);

} // namespace kaowu
