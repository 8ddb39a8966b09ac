#include "render/html/markdown.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "render/html/autolink.hpp"

namespace kaowu {

namespace {

// Turns the addresses in the text nodes of `doc` into links. cmark-gfm's own autolink extension
// runs an address on through the Chinese text after it (www.21wecan.com（中国卫生人才网）links to
// a host with the brackets in it), so kaowu finds addresses itself (autolink.hpp).
void autolink(cmark_node* doc) {
  std::vector<cmark_node*> texts;
  cmark_iter* it = cmark_iter_new(doc);
  int in_link = 0;
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) in_link += ev == CMARK_EVENT_ENTER ? 1 : -1;
    else if (type == CMARK_NODE_TEXT && in_link == 0) texts.push_back(node);
  }
  cmark_iter_free(it);
  for (cmark_node* node : texts) {
    const char* literal = cmark_node_get_literal(node);
    if (literal == nullptr) continue;
    std::string text = literal;
    FoundUrl url;
    size_t done = 0;
    while (find_url(text, done, url)) {
      if (url.begin > done) {
        cmark_node* before = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(before, text.substr(done, url.begin - done).c_str());
        cmark_node_insert_before(node, before);
      }
      std::string shown = text.substr(url.begin, url.end - url.begin);
      cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
      cmark_node_set_url(link, ((url.www ? "http://" : "") + shown).c_str());
      cmark_node* label = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(label, shown.c_str());
      cmark_node_append_child(link, label);
      cmark_node_insert_before(node, link);
      done = url.end;
    }
    if (done > 0) cmark_node_set_literal(node, text.substr(done).c_str());
  }
}

// Shifts every heading by the same amount, so the shallowest becomes <h`top`>.
void shift_headings(cmark_node* doc, int top) {
  int shallowest = 7;
  for (int pass = 0; pass < 2; ++pass) {
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
      int level = cmark_node_get_heading_level(node);
      if (pass == 0) shallowest = std::min(shallowest, level);
      else cmark_node_set_heading_level(node, std::clamp(level + top - shallowest, 1, 6));
    }
    cmark_iter_free(it);
    if (shallowest == 7) break;
  }
}

} // namespace

std::string markdown_to_html(std::string_view markdown, int top_heading) {
  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_DEFAULT; // never CMARK_OPT_UNSAFE: raw HTML stays omitted
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  autolink(doc);
  shift_headings(doc, top_heading);
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

} // namespace kaowu
