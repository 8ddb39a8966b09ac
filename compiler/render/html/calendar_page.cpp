#include "render/html/candidate_views.hpp"
#include "render/html/page_feeds.hpp"
#include "render/html/pages.hpp"
#include "render/html/revision_views.hpp"
#include "render/html/views.hpp"
#include "text/zh_format.hpp"

namespace kaowu {

const char* zh_level(Level level) {
  switch (level) {
  case Level::national: return "全国";
  case Level::region: return "考区";
  case Level::site: return "考点";
  }
  return "";
}

namespace {
std::string source_text(const Source& s) {
  return s.section.empty() ? s.document : s.document + "（" + s.section + "）";
}
} // namespace

TemplateData calendar_header(const ResolvedCalendar& cal, const std::string& root) {
  const Calendar& c = *cal.calendar;
  TemplateData d;
  d.set("id", c.id.value);
  d.set("title", c.title);
  d.set("issuer", c.issuer);
  d.set("level", zh_level(c.level));
  d.set("exam_year", std::to_string(c.exam_year));
  d.set("track", c.track);
  if (!c.document.empty()) d.set("document", c.document);
  if (c.issued) d.set("issued", zh_date(c.issued->date));
  if (!c.region.empty()) d.set("region", c.region);
  if (!c.url.empty()) d.set("url", c.url);
  if (c.revision > 1) d.set("revision", std::to_string(c.revision));
  d.set("source", source_text(c.source));
  if (!cal.ancestors.empty()) {
    d.set("parent_title", cal.ancestors.front()->title);
    d.set("parent_href", root + SiteLayout::calendar_page(cal.ancestors.front()->id.value));
  }
  d.set("page_href", root + SiteLayout::calendar_page(c.id.value));
  d.set("timetable_href", root + SiteLayout::timetable_page(c.id.value));
  return d;
}

void render_calendar_page(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out) {
  const Calendar& c = *cal.calendar;
  std::string path = SiteLayout::calendar_page(c.id.value);
  std::string root = SiteLayout::root_of(path);
  const Feed* feed = calendar_feed_of(ctx.site, cal);
  TemplateData d = page_base(ctx, path, c.title, c.issuer + "发布的" + c.title + "日程：报名、确认、缴费、考试和成绩查询的时间。");
  put(d, "calendar", calendar_header(cal, root));
  put(d, "revised", revision_banner(cal, path));
  put(d, "now", now_view(ctx, cal, feed, path));
  put(d, "phases", candidate_phases(ctx, cal, feed, path));
  if (!cal.opted_out.empty()) put(d, "opted_out", opted_out_list(cal));
  size_t specialty_count = ctx.index.specialty_feeds_for(cal).size();
  bool has_specialties = specialty_count > 0;
  if (feed) {
    if (cal.exam)
      put(d, "exam", exam_days_view(cal, *feed, path,
                                   has_specialties ? "在下面的“我的考试”里找到您的专业，订阅它的日历，考试日公布后会自动更新。"
                                                   : "订阅本日历，考试日公布后会自动更新。"));
    put(d, "subscribe", subscribe_box(ctx, *feed, path, true));
  }
  if (has_specialties) {
    d.set("specialty_count", std::to_string(specialty_count));
    put(d, "specialties", specialty_finder(ctx, cal, path));
    d.set("has_specialties", true);
  }
  TemplateData fees = fee_list(cal);
  if (!fees.is_empty_list()) {
    put(d, "fees", std::move(fees));
    d.set("has_fees", true);
  }
  TemplateData slots = slot_list(cal);
  if (!slots.is_empty_list()) {
    put(d, "slots", std::move(slots));
    d.set("has_slots", true);
    if (auto once = slot_once(cal)) d.set("slot_once", *once);
  }
  if (c.site) {
    TemplateData s;
    s.set("name", c.site->name);
    if (!c.site->address.empty()) s.set("address", c.site->address);
    if (!c.site->contact.empty()) s.set("contact", c.site->contact);
    put(d, "site", std::move(s));
  }
  TemplateData sites(TemplateData::type::list);
  for (const SiteInfo& s : c.sites) {
    TemplateData v;
    v.set("name", s.name);
    v.set("href", SiteLayout::relative(path, SiteLayout::site_page(c.id.value, s.id.value)));
    if (!s.address.empty()) v.set("address", s.address);
    push(sites, std::move(v));
  }
  for (const std::string& id : cal.site_calendars) {
    const ResolvedCalendar* sc = ctx.project.find(id);
    if (!sc) continue;
    TemplateData v;
    v.set("name", sc->calendar->site ? sc->calendar->site->name : sc->calendar->title);
    v.set("href", SiteLayout::relative(path, SiteLayout::calendar_page(id)));
    if (sc->calendar->site && !sc->calendar->site->address.empty()) v.set("address", sc->calendar->site->address);
    push(sites, std::move(v));
  }
  if (!sites.is_empty_list()) {
    put(d, "sites", std::move(sites));
    d.set("has_sites", true);
  }
  TemplateData corrections = correction_links(cal, path);
  // A flag for the section: kainjow keeps the line of a dotted section tag ({{#corrections.0}}).
  if (!corrections.is_empty_list()) {
    d.set("corrections", corrections);
    d.set("has_corrections", true);
  }
  auto notices = ctx.notices_of(c.id.value);
  if (!notices.empty()) {
    put(d, "notices", notice_list(notices, root));
    d.set("has_notices", true);
  }
  put(d, "staff", staff_section(ctx, cal, feed, path));
  std::string json_ld = calendar_json_ld(ctx, cal);
  if (!json_ld.empty()) d.set("json_ld", json_ld);
  d.set("status_script", true);
  ctx.add_page(out, path, "calendar-page.mustache", d);
}

} // namespace kaowu
