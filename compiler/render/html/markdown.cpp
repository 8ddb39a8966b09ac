#include "render/html/markdown.hpp"

#include <cstdlib>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace kaowu {

std::string markdown_to_html(std::string_view markdown, int heading_offset) {
  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_DEFAULT; // never CMARK_OPT_UNSAFE: raw HTML stays omitted
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  if (heading_offset != 0) {
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
        int level = cmark_node_get_heading_level(node) + heading_offset;
        cmark_node_set_heading_level(node, level > 6 ? 6 : level);
      }
    }
    cmark_iter_free(it);
  }
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

} // namespace kaowu
