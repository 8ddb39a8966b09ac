#pragma once
#include "render/artifact.hpp"
#include "render/html/site_context.hpp"

namespace kaowu {

// One function per kind of page; each appends its artifacts and records its pages in ctx.
void render_index_page(SiteContext& ctx, Artifacts& out);
void render_calendar_page(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out);
void render_site_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out);
void render_timetable_page(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out);
void render_notice_page(SiteContext& ctx, const PublishedNotice& notice, Artifacts& out);
// My exam: a page per specialty feed of a calendar that defines its exam.
void render_specialty_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out);
// A page per published feed: how to subscribe on iOS, Android, in WeChat and on a desktop.
void render_subscribe_pages(SiteContext& ctx, Artifacts& out);
// 更正公告: a page per revision the calendar records (render/html/correction_page.cpp).
void render_correction_pages(SiteContext& ctx, const ResolvedCalendar& cal, Artifacts& out);
// "更正公告：<calendar title>（第N版）"
std::string correction_title(const Calendar& calendar, int number);
// sitemap.xml of every page recorded in ctx.pages.
void render_sitemap(const SiteContext& ctx, Artifacts& out);
// atom.xml: the newest kAtomEntries notices of ctx.notices, in full; `newest_html[i]` is the HTML
// of ctx.notices[i] (only those are kept while the notices render).
inline constexpr size_t kAtomEntries = 50;
void render_atom(const SiteContext& ctx, const std::vector<std::string>& newest_html, Artifacts& out);

// schema.org JSON-LD (Event) for a calendar page, ready for a <script> element; "" when the
// calendar has no exam day.
std::string calendar_json_ld(const SiteContext& ctx, const ResolvedCalendar& cal);

const char* zh_level(Level level); // 全国 / 考区 / 考点
// What the calendar page and the timetable share: title, issuer, document number, links.
TemplateData calendar_header(const ResolvedCalendar& cal, const std::string& root);

} // namespace kaowu
