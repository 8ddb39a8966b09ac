// HTML notices through libxml2's HTML parser (Debian's libxml2, the parser of xmllint, PHP and
// lxml, fuzzed by OSS-Fuzz; unlike gumbo it keeps each node's source line, which becomes the
// line's number). The bytes are decoded first (text_encoding.hpp: the page's meta charset,
// valid UTF-8 winning over a stale GBK declaration) and handed over as UTF-8 with the page's
// own declaration ignored.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "import/document_limits.hpp"
#include "import/document_lines.hpp"
#include "import/format_readers.hpp"
#include "import/text_encoding.hpp"

namespace kaowu::import {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The charset a page declares in its first 8 KB (<meta charset=…>, <meta http-equiv
// content="…; charset=…">, <?xml … encoding="…"?>), or empty.
std::string declared_charset(std::string_view bytes) {
  std::string head;
  for (char c : bytes.substr(0, 8192)) head += lower(c);
  for (std::string_view key : {std::string_view("charset"), std::string_view("encoding")}) {
    size_t at = head.find(key);
    while (at != std::string::npos) {
      size_t i = at + key.size();
      while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
      if (i < head.size() && head[i] == '=') {
        ++i;
        while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
        size_t start = i;
        while (i < head.size() && (std::isalnum(static_cast<unsigned char>(head[i])) || head[i] == '-' || head[i] == '_' ||
                                   head[i] == '.' || head[i] == ':'))
          ++i;
        if (i > start) return head.substr(start, i - start);
      }
      at = head.find(key, at + 1);
    }
  }
  return {};
}

bool is(const xmlNode* n, const char* name) {
  return n->name != nullptr && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

bool is_any(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (is(n, name)) return true;
  return false;
}

int line_of(const xmlNode* n) { return static_cast<int>(xmlGetLineNo(n)); }

// The line a text node starts on. libxml2 2.9 numbers a text node by the line where the parser
// was when it made the node: the end of the text's first chunk of character data
// (HTML_PARSER_BIG_BUFFER_SIZE, 1,000 bytes), not its start; so the line is counted back from
// there (a text over 1,000 bytes with entities in its first chunk can be a line off).
int start_line(const xmlNode* n, std::string_view content) {
  std::string_view chunk = content.substr(0, 1000);
  return std::max(1, line_of(n) - static_cast<int>(std::count(chunk.begin(), chunk.end(), '\n')));
}

// The line of a text's first visible character.
int text_line(const xmlNode* n, std::string_view content) {
  int line = start_line(n, content);
  for (char c : content) {
    if (c == '\n') ++line;
    else if (c != ' ' && c != '\t' && c != '\r') break;
  }
  return line;
}

// Whether a <tr> is set for layout, not data (kMaxRowBytes): a table inside it, or more text
// than a row holds. Stops as soon as it knows.
bool layout_row(const xmlNode* tr) {
  size_t bytes = 0;
  const xmlNode* n = tr->children;
  // Depth first, without recursion: down, else along, else up (never above `tr`) and along.
  while (n != nullptr) {
    if (n->type == XML_ELEMENT_NODE && is(n, "table")) return true;
    if (n->type == XML_TEXT_NODE && n->content != nullptr) {
      bytes += std::strlen(reinterpret_cast<const char*>(n->content));
      if (bytes > kMaxRowBytes) return true;
    }
    if (n->type == XML_ELEMENT_NODE && n->children != nullptr && !is_any(n, {"script", "style"})) {
      n = n->children;
      continue;
    }
    while (n != tr && n->next == nullptr) n = n->parent;
    if (n == tr) return false;
    n = n->next;
  }
  return false;
}

// Walks the parsed page; what a reader does not see (scripts, styles, the head, forms'
// options) is skipped.
class HtmlWalker {
public:
  explicit HtmlWalker(BlockText& lines) : lines_(lines) {}

  // Walks `first` and its following siblings. Returns false past kMaxNesting (the recursion is
  // bounded by it; libxml2 stops at 256 itself).
  bool walk(const xmlNode* first, int depth, bool pre) {
    if (depth > kMaxNesting) return false;
    for (const xmlNode* n = first; n != nullptr; n = n->next)
      if (!node(n, depth, pre)) return false;
    return true;
  }

private:
  bool node(const xmlNode* n, int depth, bool pre) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) text(reinterpret_cast<const char*>(n->content), n, pre);
      return true;
    }
    if (n->type != XML_ELEMENT_NODE) return true;
    if (is_any(n, {"script", "style", "head", "noscript", "template", "iframe", "object", "select", "svg", "math"}))
      return true;
    if (is(n, "br")) {
      lines_.line_break();
      return true;
    }
    if (is(n, "tr") && !lines_.in_row() && layout_row(n)) {
      // Each cell of a layout row is a block of its own.
      for (const xmlNode* cell = n->children; cell != nullptr; cell = cell->next) {
        lines_.block_boundary();
        bool ok = cell->type == XML_ELEMENT_NODE && is_any(cell, {"td", "th"}) ? walk(cell->children, depth + 2, pre)
                                                                              : node(cell, depth + 1, pre);
        if (!ok) return false;
        lines_.block_boundary();
      }
      return true;
    }
    if (is(n, "tr")) {
      lines_.begin_row(line_of(n));
      if (!walk(n->children, depth + 1, pre)) return false;
      lines_.end_row();
      return true;
    }
    if (is_any(n, {"td", "th"})) lines_.begin_cell();
    bool block = is_any(n, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                            "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "main",
                            "figure", "figcaption", "address", "center", "hr", "form", "fieldset", "table",
                            "caption", "thead", "tbody", "tfoot", "body", "html", "legend", "details", "summary"});
    if (block) lines_.block_boundary();
    if (!walk(n->children, depth + 1, pre || is(n, "pre"))) return false;
    if (block) lines_.block_boundary();
    return true;
  }

  void text(std::string_view s, const xmlNode* n, bool pre) {
    if (!pre) {
      lines_.text(s, text_line(n, s));
      return;
    }
    // Preformatted text keeps its line breaks (and each piece its own source line).
    int line = start_line(n, s);
    size_t start = 0;
    while (true) {
      size_t nl = s.find('\n', start);
      lines_.text(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start), line);
      if (nl == std::string_view::npos) break;
      lines_.line_break();
      ++line;
      start = nl + 1;
    }
  }

  BlockText& lines_;
};

void ignore_errors(void*, const char*, ...) {}

} // namespace

ReadResult read_html(std::string_view bytes, DocumentText& doc, DiagnosticSink& sink) {
  auto decoded = decode_declared(bytes, declared_charset(bytes), doc.path, sink);
  if (!decoded) return ReadResult::reported;
  doc.encoding = decoded->encoding;
  xmlSetGenericErrorFunc(nullptr, ignore_errors);
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == nullptr) return ReadResult::too_much_text; // out of memory
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED;
  htmlDocPtr parsed = htmlCtxtReadMemory(ctxt, decoded->utf8.data(), static_cast<int>(decoded->utf8.size()),
                                         nullptr, "UTF-8", options);
  // libxml2 stops at 256 nested elements ("Excessive depth in document") and keeps what it read.
  bool too_deep = ctxt->lastError.message != nullptr && std::strstr(ctxt->lastError.message, "Excessive depth") != nullptr;
  htmlFreeParserCtxt(ctxt);
  if (parsed == nullptr) {
    sink.report(DiagKind::import_no_text, whole_file(doc.path));
    return ReadResult::reported;
  }
  LineCollector out(doc.lines);
  BlockText lines(out, true);
  HtmlWalker walker(lines);
  too_deep = !walker.walk(xmlDocGetRootElement(parsed), 0, false) || too_deep;
  bool complete = lines.finish();
  xmlFreeDoc(parsed);
  if (too_deep) {
    sink.report(DiagKind::import_too_deep, whole_file(doc.path), {std::to_string(kMaxNesting)});
    return ReadResult::reported;
  }
  return complete ? ReadResult::ok : ReadResult::too_much_text;
}

} // namespace kaowu::import
