#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kaowu {

// What a restyled element of one tag name becomes.
struct TagStyle {
  std::string_view tag;          // "table"
  std::string_view style;        // its only style attribute ("" for none)
  std::string_view before;       // written before the start tag ("<section …>" to scroll a table)
  std::string_view after;        // written after the end tag
  bool keep_class = false;       // keep its class attribute (the CMS fragment keeps the site's classes)
};

// Rewrites HTML that kaowu wrote itself (cmark-gfm's output, never the author's raw HTML, which
// cmark omits): every start tag keeps only the attributes that mean something outside the site
// (a's href, img's src and alt, ol's start, time's datetime, th and td's colspan and rowspan),
// a th or td's align becomes text-align, and a tag of `styles` gets its style attribute and its
// before/after; a tag not in `styles` keeps no style. Comments ("raw HTML omitted") are dropped.
// `rewrite_url` maps each href and src ("href" or "src", the URL; making a relative link
// absolute, noting an image); it returns "" to drop the attribute, and an image without its src
// becomes its alt text. One pass over the text, no recursion.
using UrlRewrite = std::string (*)(std::string_view attribute, std::string_view url, void* context);
std::string restyle(std::string_view html, const std::vector<TagStyle>& styles, UrlRewrite rewrite_url, void* context);

} // namespace kaowu
