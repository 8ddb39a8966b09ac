#include "render/html/site_context.hpp"

#include "text/zh_format.hpp"

namespace kaowu {

std::vector<const PublishedNotice*> SiteContext::notices_of(const std::string& calendar_id) const {
  std::vector<const PublishedNotice*> out;
  for (const PublishedNotice& n : notices)
    if (n.calendar->id() == calendar_id) out.push_back(&n);
  return out;
}

void SiteContext::add_page(Artifacts& out, const std::string& path, const std::string& template_name,
                           TemplateData data) {
  auto html = templates.render(template_name, std::move(data));
  if (!html) return;
  out.push_back(Artifact{path, "text/html; charset=utf-8", std::move(*html)});
  pages.push_back(path);
}

TemplateData page_base(const SiteContext& ctx, const std::string& path, const std::string& title,
                       const std::string& description) {
  TemplateData d;
  d.set("root", relative_root(path));
  d.set("page_title", title);
  d.set("description", description);
  d.set("site_name", "卫生专业技术资格考试日程");
  if (ctx.urls.known()) d.set("canonical", ctx.urls.https(path));
  if (ctx.site.build_date) {
    d.set("build_date", zh_date(*ctx.site.build_date));
    d.set("build_date_iso", ctx.site.build_date->iso());
  }
  return d;
}

} // namespace kaowu
