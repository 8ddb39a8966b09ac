#include "render/html/site_context.hpp"

#include "text/zh_format.hpp"

namespace kaowu {

SiteIndex::SiteIndex(const BoundSite& site) : tables(tables_html_once(site.values)) {
  // Bound notices are already newest first.
  notices.reserve(site.notices.size());
  for (const BoundNotice& n : site.notices) notices.push_back(PublishedNotice{n.notice, n.calendar, {}});
  for (const PublishedNotice& n : notices) by_calendar[n.calendar->id()].push_back(&n);
  for (const Feed& f : site.feeds)
    if (f.kind == FeedKind::specialty) specialty_feeds_[f.calendar->id()].push_back(&f);
}

const std::vector<const Feed*>& SiteIndex::specialty_feeds_for(const ResolvedCalendar& cal) const {
  static const std::vector<const Feed*> none;
  auto found = specialty_feeds_.find(cal.exam_defined_in);
  return found == specialty_feeds_.end() ? none : found->second;
}

std::vector<const PublishedNotice*> SiteContext::notices_of(const std::string& calendar_id) const {
  auto found = index.by_calendar.find(calendar_id);
  return found == index.by_calendar.end() ? std::vector<const PublishedNotice*>() : found->second;
}

namespace {
struct PageTooLarge {};
} // namespace

void SiteContext::add_page(Artifacts& out, const std::string& path, const std::string& template_name,
                           const TemplateData& data) {
  const PageTemplate* page = site.templates.page(template_name);
  if (page == nullptr) return; // missing or broken: reported by bind
  std::string html;
  html.reserve(16384);
  try {
    page->parsed->render(data, [&html](const std::string& text) {
      if (html.size() + text.size() > kMaxPageBytes) throw PageTooLarge{};
      html += text;
    });
  } catch (const PageTooLarge&) {
    sink.report(DiagKind::page_too_large, Location{page->spans.empty() ? template_name : page->spans.front().source->display, 0, 0, 0},
                {path, std::to_string(kMaxPageBytes)});
    return;
  }
  out.push_back(Artifact{path, "text/html; charset=utf-8", std::move(html)});
  pages.push_back(path);
}

TemplateData page_base(const SiteContext& ctx, const std::string& path, const std::string& title,
                       const std::string& description) {
  TemplateData d;
  d.set("root", SiteLayout::root_of(path));
  d.set("page_title", title);
  // The tab shows the page's own title; the site's name only where the title does not already
  // name the exam (the index would otherwise read "卫生专业技术资格考试日程 · " twice).
  const std::string site_name = "卫生专业技术资格考试日程";
  d.set("head_title", title.find("考试") != std::string::npos ? title : title + " · " + site_name);
  const std::pair<const char*, std::string> files[] = {
      {"home_href", SiteLayout::index_page()},        {"css_href", SiteLayout::stylesheet},
      {"favicon_href", SiteLayout::favicon},          {"status_js_href", SiteLayout::status_script},
      {"subscribe_js_href", SiteLayout::subscribe_script}, {"atom_href", SiteLayout::atom},
      {"sitemap_href", SiteLayout::sitemap}};
  for (const auto& [key, file] : files)
    d.set(key, SiteLayout::relative(path, file));
  d.set("description", description);
  d.set("site_name", site_name);
  if (ctx.layout.absolute()) d.set("canonical", ctx.layout.url(path));
  if (ctx.site.build_date) {
    d.set("build_date", zh_date(*ctx.site.build_date));
    d.set("build_date_iso", ctx.site.build_date->iso());
  }
  return d;
}

void put(TemplateData& data, const std::string& name, TemplateData&& value) { data[name] = std::move(value); }

void push(TemplateData& list, TemplateData&& item) {
  if (!list.is_list()) return;
  // kainjow gives only const access to a list. The vector it refers to is the data's own
  // (allocated by it, never const), so appending to it through a const_cast is well defined.
  const_cast<kainjow::mustache::basic_list<std::string>&>(list.list_value()).push_back(std::move(item));
}

} // namespace kaowu
