#include "render/html/notice_html.hpp"

#include <array>

#include "text/html_escape.hpp"
#include "render/html/markdown.hpp"

namespace kaowu {

namespace {

// A value inside a link destination, which cmark has percent-encoded with the marker.
std::string percent_encoded(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' && c != '`') {
      out += c == '&' ? std::string("&amp;") : std::string(1, c);
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

constexpr std::string_view kEncodedOpen = "%EF%BF%BE";
constexpr std::string_view kEncodedClose = "%EF%BF%BF";

// The index written between `open` and `close` at `at`, and where it ends.
bool read_marker(std::string_view html, size_t at, std::string_view open, std::string_view close, size_t& index,
                 size_t& end) {
  if (html.substr(at, open.size()) != open) return false;
  size_t p = at + open.size();
  size_t value = 0, digits = 0;
  while (p < html.size() && html[p] >= '0' && html[p] <= '9' && digits < 9) {
    value = value * 10 + static_cast<size_t>(html[p] - '0');
    ++p;
    ++digits;
  }
  if (digits == 0 || html.substr(p, close.size()) != close) return false;
  index = value;
  end = p + close.size();
  return true;
}

} // namespace

std::string tables_html(const std::vector<TextTable>& tables) {
  std::string out;
  for (const TextTable& t : tables) {
    if (!t.caption.empty()) out += "<p><strong>" + html_text_escape(t.caption) + "</strong></p>\n";
    if (t.rows.empty()) {
      if (!t.note.empty()) out += "<p>" + html_text_escape(t.note) + "</p>\n";
      continue;
    }
    out += "<table>\n<thead>\n<tr>\n";
    for (const std::string& h : t.header) out += "<th>" + html_text_escape(h) + "</th>\n";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      out += "<tr>\n";
      for (const std::string& cell : row) out += "<td>" + html_text_escape(cell) + "</td>\n";
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  return out;
}

TablesHtml tables_html_once(const std::map<std::string, PlaceholderTable>& tables) {
  TablesHtml out;
  for (const auto& [calendar, table] : tables)
    for (const auto& [name, value] : table)
      if (value && value->kind == PlaceholderValue::Kind::tables) out.emplace(&*value, tables_html(value->tables));
  return out;
}

std::string notice_html(const BoundNotice& notice, const TablesHtml* tables) {
  std::string html = markdown_to_html(notice.markdown());
  std::string_view in(html);
  std::string out;
  out.reserve(html.size() + html.size() / 4);
  // The bytes that may start something to act on: a tag, the end of one, a marker (U+FFFE is
  // EF BF BE) or a percent-encoded marker. Everything between is copied as a run.
  static const auto special = [] {
    std::array<bool, 256> s{};
    for (char c : std::string_view("<>%\xEF")) s[static_cast<unsigned char>(c)] = true;
    return s;
  }();
  bool in_tag = false; // between '<' and '>': a marker there is in an attribute
  bool in_link = false;
  for (size_t i = 0; i < in.size();) {
    size_t run = i;
    while (run < in.size() && !special[static_cast<unsigned char>(in[run])]) ++run;
    out.append(in.data() + i, run - i);
    if (run == in.size()) break;
    i = run;
    char c = in[i];
    size_t index = 0, end = 0;
    bool plain = c == '\xEF' && read_marker(in, i, kValueOpen, kValueClose, index, end);
    bool encoded = c == '%' && read_marker(in, i, kEncodedOpen, kEncodedClose, index, end);
    if ((plain || encoded) && index < notice.values.size()) {
      const PlaceholderValue& v = *notice.values[index];
      if (encoded) {
        out += percent_encoded(v.text);
      } else if (v.kind == PlaceholderValue::Kind::tables) {
        // Alone on its line, the marker is a paragraph of its own: the tables replace it.
        bool paragraph = out.size() >= 3 && out.compare(out.size() - 3, 3, "<p>") == 0 &&
                         in.substr(end, 5) == "</p>\n";
        if (paragraph) {
          out.resize(out.size() - 3);
          end += 5;
        }
        auto cached = tables ? tables->find(&v) : TablesHtml::const_iterator();
        if (tables && cached != tables->end()) out += cached->second;
        else out += tables_html(v.tables);
      } else if (v.kind == PlaceholderValue::Kind::url && !in_tag && !in_link) {
        out += "<a href=\"" + html_text_escape(v.text) + "\">" + html_text_escape(v.text) + "</a>";
      } else {
        out += html_text_escape(v.text);
      }
      i = end;
      continue;
    }
    if (c == '<') {
      in_tag = true;
      if (in.substr(i, 3) == "<a " || in.substr(i, 3) == "<a>") in_link = true;
      else if (in.substr(i, 4) == "</a>") in_link = false;
    } else if (c == '>') {
      in_tag = false;
    }
    out += c;
    ++i;
  }
  return out;
}

} // namespace kaowu
