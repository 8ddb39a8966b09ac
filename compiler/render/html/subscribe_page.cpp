#include "render/html/page_feeds.hpp"
#include "render/html/pages.hpp"

namespace kaowu {
namespace {

// For a URL inside another URL's query: everything but the unreserved characters escaped.
std::string query_escape(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

const char* kind_text(FeedKind kind) {
  switch (kind) {
  case FeedKind::calendar: return "考生日程";
  case FeedKind::staff: return "考务工作日程";
  case FeedKind::site: return "考点的考生日程";
  case FeedKind::specialty: return "专业的考试安排";
  }
  return "";
}

// A page's title as the link back to it reads.
std::string page_title(const Feed& feed) {
  if (feed.kind == FeedKind::site && feed.site) return feed.site->name;
  if (feed.kind == FeedKind::specialty && feed.specialty) return feed.specialty->code.value + " " + feed.specialty->name;
  return feed.calendar->calendar->title;
}

} // namespace

// One page per published feed: how to subscribe to it on the visitor's device. The QR codes and
// the subscribe links of the other pages point here. Without JavaScript every option is listed;
// subscribe.js puts the visitor's own first (iOS, Android, WeChat's in-app browser, desktop).
void render_subscribe_pages(SiteContext& ctx, Artifacts& out) {
  for (const Feed& feed : ctx.site.feeds) {
    std::string path = SiteLayout::subscribe_page(feed.path_stem);
    std::string ics = SiteLayout::ics(feed.path_stem);
    TemplateData d = page_base(ctx, path, "订阅：" + feed.title, "把“" + feed.title + "”订阅到 iPhone、安卓手机或电脑的日历。");
    TemplateData f;
    f.set("title", feed.title);
    f.set("kind", kind_text(feed.kind));
    // What a calendar app will show: the dated events (an undated one is not in the .ics).
    size_t dated = 0;
    for (const FeedEvent& e : feed.events) dated += e.start ? 1 : 0;
    f.set("events", std::to_string(dated));
    f.set("ics_href", SiteLayout::relative(path, ics));
    f.set("back_href", SiteLayout::relative(path, feed_page(feed)));
    f.set("back_title", page_title(feed));
    if (ctx.layout.absolute()) {
      std::string https = ctx.layout.url(ics);
      std::string webcal = ctx.layout.webcal(ics);
      f.set("https_url", https);
      f.set("webcal_url", webcal);
      // Google takes the webcal:// address as it is in cid; Outlook wants its https address.
      // (subscribe.js adds the calendar's name for Outlook; the page keeps calendar text out of
      // URLs, where it could only be percent-encoded.)
      f.set("google_href", "https://calendar.google.com/calendar/render?cid=" + webcal);
      f.set("outlook_href", "https://outlook.live.com/calendar/0/addfromweb?url=" + query_escape(https));
      f.set("office_href", "https://outlook.office.com/calendar/0/addfromweb?url=" + query_escape(https));
    }
    put(d, "feed", std::move(f));
    d.set("subscribe_script", true);
    ctx.add_page(out, path, "subscribe-page.mustache", d);
  }
}

} // namespace kaowu
