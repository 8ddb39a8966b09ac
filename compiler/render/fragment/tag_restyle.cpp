#include "render/fragment/tag_restyle.hpp"

#include <utility>

#include "text/html_escape.hpp"

namespace kaowu {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool ends_name(char c) { return is_space(c) || c == '>' || c == '/' || c == '='; }

struct Attribute {
  std::string_view name, value; // value as written (still escaped)
};

// The attributes of a start tag from `p` (just after its name) to its '>'; `p` ends past it.
std::vector<Attribute> read_attributes(std::string_view html, size_t& p, bool& self_closing) {
  std::vector<Attribute> out;
  self_closing = false;
  while (p < html.size()) {
    while (p < html.size() && is_space(html[p])) ++p;
    if (p >= html.size()) break;
    if (html[p] == '>') { ++p; break; }
    if (html[p] == '/') { self_closing = true; ++p; continue; }
    size_t start = p;
    while (p < html.size() && !ends_name(html[p])) ++p;
    Attribute a{html.substr(start, p - start), {}};
    if (p < html.size() && html[p] == '=') {
      ++p;
      char quote = p < html.size() ? html[p] : '\0';
      if (quote == '"' || quote == '\'') {
        size_t end = html.find(quote, p + 1);
        if (end == std::string_view::npos) end = html.size();
        a.value = html.substr(p + 1, end - p - 1);
        p = end + 1;
      } else {
        size_t v = p;
        while (p < html.size() && !is_space(html[p]) && html[p] != '>') ++p;
        a.value = html.substr(v, p - v);
      }
    }
    if (a.name.empty()) ++p; // a stray character: step over it
    else out.push_back(a);
  }
  return out;
}

bool kept(std::string_view tag, std::string_view attr) {
  if (attr == "href") return tag == "a";
  if (attr == "src" || attr == "alt") return tag == "img";
  if (attr == "start") return tag == "ol";
  if (attr == "datetime") return tag == "time";
  if (attr == "colspan" || attr == "rowspan") return tag == "th" || tag == "td";
  return false;
}

const TagStyle* style_of(std::string_view tag, const std::vector<TagStyle>& styles) {
  for (const TagStyle& s : styles)
    if (s.tag == tag) return &s;
  return nullptr;
}

// The HTML entities cmark writes in attribute values, undone so a URL can be rewritten.
std::string unescape_attribute(std::string_view v) {
  static constexpr std::pair<std::string_view, char> entities[] = {
      {"&amp;", '&'}, {"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&#39;", '\''}};
  std::string out;
  for (size_t i = 0; i < v.size();) {
    bool replaced = false;
    if (v[i] == '&')
      for (const auto& [entity, c] : entities)
        if (v.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          replaced = true;
          break;
        }
    if (!replaced) out += v[i++];
  }
  return out;
}

} // namespace

std::string restyle(std::string_view html, const std::vector<TagStyle>& styles, UrlRewrite rewrite_url, void* context) {
  std::string out;
  out.reserve(html.size() * 2);
  for (size_t i = 0; i < html.size();) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) lt = html.size();
    out.append(html.substr(i, lt - i));
    if (lt == html.size()) break;
    if (html.substr(lt, 4) == "<!--") {
      size_t end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      if (i < html.size() && html[i] == '\n') ++i;
      continue;
    }
    bool closing = lt + 1 < html.size() && html[lt + 1] == '/';
    size_t p = lt + (closing ? 2 : 1);
    size_t name_start = p;
    while (p < html.size() && !ends_name(html[p])) ++p;
    std::string_view tag = html.substr(name_start, p - name_start);
    const TagStyle* s = style_of(tag, styles);
    if (closing) {
      size_t gt = html.find('>', p);
      i = gt == std::string_view::npos ? html.size() : gt + 1;
      out += "</" + std::string(tag) + ">";
      if (s) out += s->after;
      continue;
    }
    bool self_closing = false;
    std::vector<Attribute> attributes = read_attributes(html, p, self_closing);
    i = p;
    std::string start = "<" + std::string(tag);
    std::string style = s ? std::string(s->style) : std::string();
    bool has_src = false;
    std::string_view alt;
    for (const Attribute& a : attributes) {
      if (a.name == "alt") alt = a.value;
      if (a.name == "align" && (tag == "th" || tag == "td")) {
        style += (style.empty() || style.back() == ';' ? "" : ";") + std::string("text-align:") + std::string(a.value);
      } else if (a.name == "class" && s && s->keep_class) {
        out += " class=\"" + std::string(a.value) + "\"";
      } else if (kept(tag, a.name)) {
        std::string value(a.value);
        if (a.name == "href" || a.name == "src") {
          std::string url = rewrite_url(a.name, unescape_attribute(a.value), context);
          if (url.empty()) continue;
          value = html_escape(url);
          has_src = has_src || a.name == "src";
        }
        start += " " + std::string(a.name) + "=\"" + value + "\"";
      }
    }
    // An image with nowhere to be shown from: its description, as text.
    if (tag == "img" && !has_src) {
      out += alt;
      continue;
    }
    if (s) out += s->before;
    out += start;
    if (!style.empty()) out += " style=\"" + html_escape(style) + "\"";
    out += self_closing ? " />" : ">";
  }
  return out;
}

} // namespace kaowu
