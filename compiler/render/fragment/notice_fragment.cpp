#include "render/fragment/notice_fragment.hpp"

#include <algorithm>
#include <vector>

#include "render/fragment/tag_restyle.hpp"
#include "render/html/notice_html.hpp"
#include "render/html/revision_views.hpp"
#include "render/media_types.hpp"
#include "text/html_escape.hpp"
#include "text/zh_format.hpp"

namespace kaowu {

namespace {

// WeChat's editor keeps a style attribute and drops the rest of the styling, so every element
// carries its own. Colours are written out in full (#222222): the editor rewrites short forms.
const std::vector<TagStyle>& wechat_styles() {
  static const std::vector<TagStyle> styles = {
      {"h1", "font-size:20px;font-weight:bold;line-height:1.4;margin:24px 0 8px;", "", ""},
      {"h2", "font-size:18px;font-weight:bold;line-height:1.4;margin:24px 0 8px;padding-left:8px;"
             "border-left:4px solid #1a5fb4;", "", ""},
      {"h3", "font-size:16px;font-weight:bold;line-height:1.4;margin:16px 0 8px;", "", ""},
      {"h4", "font-size:16px;font-weight:bold;margin:16px 0 8px;", "", ""},
      {"h5", "font-size:16px;font-weight:bold;margin:16px 0 8px;", "", ""},
      {"h6", "font-size:16px;font-weight:bold;margin:16px 0 8px;", "", ""},
      {"p", "margin:0 0 12px;", "", ""},
      // The editor resets a list's own markers; written inline they stay.
      {"ul", "margin:0 0 12px;padding-left:24px;list-style-type:disc;", "", ""},
      {"ol", "margin:0 0 12px;padding-left:24px;list-style-type:decimal;", "", ""},
      {"li", "margin:4px 0;", "", ""},
      {"blockquote", "margin:0 0 12px;padding:8px 12px;border-left:3px solid #cccccc;background-color:#f7f7f7;"
                     "color:#555555;", "", ""},
      // A wide timetable scrolls sideways inside the article instead of squeezing its columns.
      {"table", "border-collapse:collapse;width:100%;font-size:14px;line-height:1.5;",
       "<section style=\"overflow-x:auto;margin:0 0 12px;\">", "</section>"},
      {"th", "border:1px solid #999999;padding:6px 8px;background-color:#f2f2f2;font-weight:bold;"
             "text-align:left;vertical-align:top;", "", ""},
      {"td", "border:1px solid #999999;padding:6px 8px;vertical-align:top;", "", ""},
      {"a", "color:#1a5fb4;word-break:break-all;", "", ""},
      {"strong", "font-weight:bold;", "", ""},
      {"code", "font-family:monospace;background-color:#f2f2f2;padding:0 2px;", "", ""},
      {"pre", "white-space:pre-wrap;font-family:monospace;background-color:#f2f2f2;padding:8px;margin:0 0 12px;",
       "", ""},
      {"hr", "border:0;border-top:1px solid #dddddd;margin:16px 0;", "", ""},
      {"img", "max-width:100%;height:auto;", "", ""},
  };
  return styles;
}

// A content system brings its own typography; only what a table needs to stay a table.
const std::vector<TagStyle>& cms_styles() {
  static const std::vector<TagStyle> styles = {
      {"table", "border-collapse:collapse;", "", ""},
      {"th", "border:1px solid #999999;padding:0.3em 0.5em;text-align:left;vertical-align:top;", "", ""},
      {"td", "border:1px solid #999999;padding:0.3em 0.5em;vertical-align:top;", "", ""},
  };
  return styles;
}

struct LinkContext {
  const SiteLayout* layout;
  std::string page; // the notice's page on the site, which relative links start from
  const std::vector<StaticFile>* static_files;
  FragmentFormat format;
  std::string out_dir;   // "<calendar-id>/", where the fragment is written
  std::string image_dir; // "<slug>.images", beside the fragment: the images keep their site paths below it
  Artifacts images;      // the static files the notice shows, to upload
};

bool has_scheme(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://", "mailto:", "tel:"})
    if (url.substr(0, scheme.size()) == scheme) return true;
  return false;
}

// `url` from the notice's page, as a path from the site's root ("" when it leaves the site).
std::string site_path(std::string_view url, const std::string& page) {
  std::string_view dir = std::string_view(page).substr(0, page.rfind('/') + 1);
  std::string joined = url[0] == '/' ? std::string(url.substr(1)) : std::string(dir) + std::string(url);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string part = joined.substr(start, slash - start);
    if (part == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else if (part != "." && !(part.empty() && slash < joined.size())) {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string path;
  for (size_t i = 0; i < parts.size(); ++i) path += (i ? "/" : "") + parts[i];
  return path;
}

const StaticFile* static_file(const std::vector<StaticFile>& files, const std::string& path) {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const StaticFile& f, const std::string& p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

// A link or image of the notice's page as the fragment can give it: absolute as it is, a
// fragment (#x) dropped, a relative one resolved from the page and made absolute with the base
// URL, or dropped without one (a link's text stays). An image that is a static file of the site
// is also written beside the fragment (WeChat), and without a base URL shown from there.
std::string absolute_link(std::string_view attribute, std::string_view url, void* context) {
  auto& c = *static_cast<LinkContext*>(context);
  if (has_scheme(url)) return std::string(url);
  if (url.empty() || url[0] == '#' || url.find(':') != std::string_view::npos) return "";
  std::string path = site_path(url.substr(0, url.find_first_of("?#")), c.page);
  if (path.empty()) return "";
  std::string local;
  if (attribute == "src" && c.format == FragmentFormat::wechat)
    if (const StaticFile* f = static_file(*c.static_files, path)) {
      local = c.image_dir + "/" + path;
      std::string file = c.out_dir + local;
      bool known = std::any_of(c.images.begin(), c.images.end(), [&](const Artifact& a) { return a.path == file; });
      if (!known) c.images.push_back(Artifact{file, media_type_for(path), f->bytes});
    }
  if (c.layout->absolute()) return c.layout->url(path);
  return local;
}

// An address a reader can see and type: the WeChat editor drops the link, the text stays.
std::string shown_link(const std::string& url, FragmentFormat format, const std::string& label) {
  std::string href = html_escape(url);
  if (format == FragmentFormat::wechat)
    return "<a href=\"" + href + "\" style=\"color:#1a5fb4;word-break:break-all;\">" + href + "</a>";
  return "<a href=\"" + href + "\">" + html_text_escape(label) + "</a>";
}

std::string revision_banner(const BoundNotice& bn, const SiteLayout& layout, FragmentFormat format) {
  std::optional<NoticeRevisionNote> note = notice_revision_note(*bn.calendar, bn.state);
  if (!note) return "";
  bool wechat = format == FragmentFormat::wechat;
  std::string out = wechat ? "<section style=\"margin:0 0 16px;padding:8px 12px;border-left:4px solid #c01c28;"
                             "background-color:#fdf0f0;\">\n<p style=\"margin:0;\">"
                           : "<aside class=\"revised\" aria-label=\"日程调整\" style=\"margin:1em 0;padding:0.5em 1em;"
                             "border-left:4px solid #c01c28;background-color:#fdf0f0;\">\n<p>";
  out += (wechat ? "<strong style=\"font-weight:bold;color:#c01c28;\">" : "<strong>") + html_text_escape(note->text) +
         "</strong>";
  if (layout.absolute() && wechat)
    out += "</p>\n<p style=\"margin:4px 0 0;font-size:14px;word-break:break-all;\">更正公告：" +
           shown_link(layout.url(note->path), format, "");
  else if (layout.absolute())
    out += " " + shown_link(layout.url(note->path), format, "查看更正公告");
  out += "</p>\n";
  if (!note->corrections.empty()) {
    out += wechat ? "<p style=\"margin:8px 0 0;font-size:14px;\">历次更正：</p>\n<ul style=\"margin:0;padding-left:24px;"
                    "font-size:14px;\">\n"
                  : "<p>历次更正：</p>\n<ul>\n";
    for (const NoticeRevisionNote::Correction& c : note->corrections) {
      out += wechat ? "<li style=\"margin:4px 0;\">" : "<li>";
      out += html_text_escape(c.label);
      if (!c.date.empty()) out += " " + html_text_escape(c.date);
      if (layout.absolute()) out += (wechat ? "：" : " ") + shown_link(layout.url(c.path), format, "更正公告");
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  out += wechat ? "</section>\n" : "</aside>\n";
  return out;
}

} // namespace

Artifacts notice_fragment(const BoundNotice& bn, const SiteLayout& layout, FragmentFormat format,
                          const std::vector<StaticFile>& static_files) {
  const Notice& n = *bn.notice;
  const ResolvedCalendar& cal = *bn.calendar;
  bool wechat = format == FragmentFormat::wechat;
  LinkContext links{&layout, SiteLayout::notice_page(cal.id(), n.slug), &static_files, format, cal.id() + "/",
                    n.slug + ".images", {}};
  std::string body = restyle(notice_html(bn), wechat ? wechat_styles() : cms_styles(), absolute_link, &links);

  std::string meta = html_text_escape(cal.calendar->issuer);
  if (!n.document.empty()) meta += " · " + html_text_escape(n.document);
  std::string out;
  if (wechat) {
    if (n.date) meta += " · " + zh_date(n.date->date);
    out = "<meta charset=\"utf-8\">\n<section style=\"font-size:16px;line-height:1.75;color:#222222;"
          "word-wrap:break-word;\">\n"
          "<h1 style=\"font-size:20px;font-weight:bold;line-height:1.4;margin:0 0 8px;\">" +
          html_text_escape(n.title.value) + "</h1>\n<p style=\"margin:0 0 16px;font-size:14px;color:#666666;\">" +
          meta + "</p>\n";
    out += revision_banner(bn, layout, format);
    out += "<section>\n" + body + "</section>\n";
    if (layout.absolute())
      out += "<p style=\"margin:16px 0 0;font-size:14px;color:#666666;word-break:break-all;\">日程、订阅与加入日历：" +
             shown_link(layout.url(SiteLayout::calendar_dir(cal.id())), format, "") + "</p>\n";
    out += "</section>\n";
  } else {
    if (n.date) meta += " · <time datetime=\"" + n.date->date.iso() + "\">" + zh_date(n.date->date) + "</time>";
    out = "<article class=\"notice\" lang=\"zh-CN\">\n<h1>" + html_text_escape(n.title.value) +
          "</h1>\n<p class=\"notice-meta\">" + meta + "</p>\n";
    out += revision_banner(bn, layout, format);
    out += "<div class=\"notice-body\">\n" + body + "</div>\n";
    if (layout.absolute())
      out += "<p class=\"notice-calendar\">" +
             shown_link(layout.url(SiteLayout::calendar_dir(cal.id())), format, "查看日程与订阅") + "</p>\n";
    out += "</article>\n";
  }
  Artifacts files{Artifact{cal.id() + "/" + n.slug + ".html", "text/html; charset=utf-8", std::move(out)}};
  for (Artifact& image : links.images) files.push_back(std::move(image));
  return files;
}

} // namespace kaowu
