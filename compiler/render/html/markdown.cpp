#include "render/html/markdown.hpp"

#include <algorithm>
#include <cstdlib>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace kaowu {

std::string markdown_to_html(std::string_view markdown, int top_heading) {
  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_DEFAULT; // never CMARK_OPT_UNSAFE: raw HTML stays omitted
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  // Two passes: find the shallowest heading, then shift every heading by the same amount.
  int shallowest = 7;
  for (int pass = 0; pass < 2; ++pass) {
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
      int level = cmark_node_get_heading_level(node);
      if (pass == 0) shallowest = std::min(shallowest, level);
      else cmark_node_set_heading_level(node, std::clamp(level + top_heading - shallowest, 1, 6));
    }
    cmark_iter_free(it);
    if (shallowest == 7) break;
  }
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

} // namespace kaowu
