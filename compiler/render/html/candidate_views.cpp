#include "render/html/candidate_views.hpp"

#include <algorithm>

#include "bind/exam_timetable.hpp"
#include "render/html/page_feeds.hpp"
#include "render/html/qr_svg.hpp"
#include "render/html/views.hpp"
#include "text/zh_format.hpp"

namespace kaowu {
namespace {
TemplateData list() { return TemplateData(TemplateData::type::list); }
} // namespace

std::string level_name(const ResolvedCatalogue* catalogue, const Specialty& sp) {
  if (catalogue)
    for (const LevelRange& l : catalogue->levels)
      if (l.id.value == sp.level.value) return l.name;
  return sp.level.value;
}

TemplateData subscribe_box(const SiteContext& ctx, const Feed& feed, const std::string& from, bool with_qr) {
  std::string page = SiteLayout::subscribe_page(feed.path_stem);
  TemplateData d;
  d.set("href", SiteLayout::relative(from, page));
  d.set("title", feed.title);
  if (with_qr && ctx.layout.absolute()) {
    // The QR code opens the subscribe page, which offers what works on the phone that scanned
    // it (WeChat's scanner included), rather than an .ics that iOS imports once.
    std::string qr = qr_svg(ctx.layout.url(page), "二维码：" + feed.title + "的订阅页 " + ctx.layout.url(page));
    if (!qr.empty()) d.set("qr_svg", qr);
  }
  return d;
}

TemplateData staff_section(const SiteContext& ctx, const ResolvedCalendar& cal, const Feed* candidate_feed,
                           const std::string& from) {
  TemplateData d;
  const Feed* staff = staff_feed_of(ctx.site, cal);
  TemplateData phases = list();
  for (const ResolvedPhase& rp : cal.phases) {
    if (rp.phase.audience != Audience::staff) continue;
    TemplateData v = phase_view(rp, ctx.site.build_date);
    if (staff)
      if (const FeedEvent* e = deadline_event(*staff, rp.phase.id.value))
        if (std::string href = event_href(from, *staff, *e); !href.empty()) v.set("add_href", href);
    push(phases, std::move(v));
  }
  if (!phases.is_empty_list()) {
    put(d, "staff_phases", std::move(phases));
    d.set("has_staff_phases", true);
  }
  if (staff) {
    d.set("staff_subscribe_href", SiteLayout::relative(from, SiteLayout::subscribe_page(staff->path_stem)));
    d.set("staff_title", staff->title);
  }
  if (candidate_feed) {
    std::string json = SiteLayout::json(candidate_feed->path_stem);
    d.set("json_href", SiteLayout::relative(from, json));
    if (ctx.layout.absolute()) {
      std::string snippet = "<div data-kaowu-feed=\"" + ctx.layout.url(json) + "\"><a href=\"" +
                            ctx.layout.url(feed_page(*candidate_feed)) + "\">" + cal.calendar->title + "</a></div>\n" +
                            "<script src=\"" + ctx.layout.url(SiteLayout::widget) + "\" defer></script>";
      d.set("embed_code", snippet);
    }
  }
  d.set("index_href", SiteLayout::relative(from, SiteLayout::index_json));
  d.set("model_href", SiteLayout::relative(from, SiteLayout::model_file(cal.id())));
  return d;
}

std::optional<TemplateData> slot_once(const ResolvedCalendar& cal) {
  std::vector<std::string> hours, places;
  for (const ResolvedPhase& rp : cal.phases)
    for (const Slot& s : rp.phase.slots) {
      std::string h;
      for (const TimeRange& r : s.hours.empty() ? rp.phase.hours : s.hours) h += (h.empty() ? "" : "、") + zh_time_range(r);
      hours.push_back(h);
      places.push_back(rp.phase.place);
    }
  auto same = [](const std::vector<std::string>& v) {
    return v.size() > 1 && !v.front().empty() && std::all_of(v.begin(), v.end(), [&](const std::string& x) { return x == v.front(); });
  };
  if (!same(hours) && !same(places)) return std::nullopt;
  TemplateData d;
  if (same(hours)) d.set("hours", hours.front());
  if (same(places)) d.set("place", places.front());
  return d;
}

TemplateData specialty_finder(const SiteContext& ctx, const ResolvedCalendar& cal, const std::string& from) {
  TemplateData out = list();
  for (const Feed* f : ctx.index.specialty_feeds_for(cal)) {
    const Specialty& sp = *f->specialty;
    TemplateData v;
    v.set("code", sp.code.value);
    v.set("name", sp.name);
    v.set("level", level_name(f->calendar->catalogue, sp));
    v.set("mode", zh_mode(sp.mode));
    v.set("href", SiteLayout::relative(from, SiteLayout::specialty_page(f->calendar->id(), sp.code.value)));
    push(out, std::move(v));
  }
  return out;
}

} // namespace kaowu
