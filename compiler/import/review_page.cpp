#include "import/review_page.hpp"

#include <algorithm>
#include <map>

#include "text/html_escape.hpp"

namespace kaowu::import {
namespace {

struct Span {
  size_t begin = 0, end = 0; // bytes of the notice's line
  bool used = false;
  std::string why;
};

// The byte of 1-based column `column` of a UTF-8 line.
size_t byte_of_column(const std::string& line, uint32_t column) {
  uint32_t col = 1;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) >> 6) == 2) continue;
    if (col == column) return i;
    ++col;
  }
  return line.size();
}

// The draft's first line that cites notice line N ("# N行", "通知第N行", "notice line N").
std::map<int, int> draft_lines_citing(const std::string& toml) {
  std::map<int, int> out;
  int number = 0;
  size_t at = 0;
  while (at < toml.size()) {
    size_t nl = toml.find('\n', at);
    std::string line = toml.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    ++number;
    for (std::string_view marker : {"通知第", "notice line ", "# "}) {
      size_t m = line.find(marker);
      if (m == std::string::npos || (marker == "# " && m == 0)) continue;
      size_t p = m + marker.size(), q = p;
      while (q < line.size() && line[q] >= '0' && line[q] <= '9') ++q;
      if (q > p && q - p < 7) out.emplace(std::stoi(line.substr(p, q - p)), number);
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return out;
}

} // namespace

std::string review_page(const DocumentText& doc, const Extraction& x, const std::string& toml, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::map<int, std::vector<Span>> spans;
  auto add = [&](const Citation& c, bool used, const std::string& why) {
    if (c.line <= 0 || c.quote.empty()) return;
    auto it = std::find_if(doc.lines.begin(), doc.lines.end(), [&](const DocumentLine& l) { return l.number == c.line; });
    if (it == doc.lines.end()) return;
    size_t b = byte_of_column(it->text, c.column);
    size_t found = it->text.find(c.quote, b);
    if (found != b) return; // the quote is not where it says: show nothing rather than a wrong mark
    std::vector<Span>& s = spans[c.line];
    for (const Span& o : s)
      if (b < o.end && o.begin < b + c.quote.size()) return;
    s.push_back({b, b + c.quote.size(), used, why});
  };
  for (const Fact& f : x.facts) {
    add(f.cite, true, "");
    for (const Slot& s : f.slots) add(s.cite, true, "");
  }
  for (const ExamDays& e : x.exam)
    for (const Citation& c : e.cites) add(c, true, "");
  for (const FeeFact& f : x.fees) add(f.cite, true, "");
  for (const Unused& u : x.unused) add(u.cite, false, zh ? u.why_zh : u.why_en);
  std::map<int, int> draft_line = draft_lines_citing(toml);

  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"" + std::string(zh ? "zh-CN" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
       html_escape((zh ? "导入核对：" : "Import review: ") + doc.path) + "</title>\n";
  h += "<style>body{font-family:sans-serif;margin:0}main{display:flex;gap:1em;padding:1em}section{flex:1;min-width:0}"
       "pre,ol{font-size:14px;line-height:1.6}ol{padding-left:4em}li{white-space:pre-wrap}"
       "a.used{background:#c8f7c5;color:inherit}mark.unused{background:#ffe08a}li:target{outline:2px solid #e67e22}"
       "@media(max-width:800px){main{flex-direction:column}}</style>\n</head>\n<body>\n";
  h += "<main>\n<section>\n<h1>" + html_escape(zh ? "通知原文" : "The notice") + "</h1>\n<p>" +
       html_escape(zh ? "绿色：已写入草稿（点击跳到草稿中的行）；黄色：未采用（悬停看原因）。"
                      : "Green: in the draft (follow it to the draft's line); yellow: not used (hover for why).") +
       "</p>\n<ol>\n";
  for (const DocumentLine& l : doc.lines) {
    h += "<li value=\"" + std::to_string(l.number) + "\" id=\"n" + std::to_string(l.number) + "\">";
    std::vector<Span> s = spans.count(l.number) ? spans[l.number] : std::vector<Span>{};
    std::sort(s.begin(), s.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    size_t at = 0;
    for (const Span& sp : s) {
      h += html_escape(l.text.substr(at, sp.begin - at));
      std::string text = html_escape(l.text.substr(sp.begin, sp.end - sp.begin));
      if (sp.used) {
        auto d = draft_line.find(l.number);
        h += d == draft_line.end() ? "<a class=\"used\">" + text + "</a>"
                                   : "<a class=\"used\" href=\"#d" + std::to_string(d->second) + "\">" + text + "</a>";
      } else {
        h += "<mark class=\"unused\" title=\"" + html_escape(sp.why) + "\">" + text + "</mark>";
      }
      at = sp.end;
    }
    h += html_escape(l.text.substr(at)) + "</li>\n";
  }
  h += "</ol>\n</section>\n<section>\n<h1>" + html_escape(zh ? "草稿" : "The draft") + "</h1>\n<ol>\n";
  int n = 0;
  size_t at = 0;
  while (at < toml.size()) {
    size_t nl = toml.find('\n', at);
    std::string line = toml.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    h += "<li id=\"d" + std::to_string(++n) + "\">" + html_escape(line) + "</li>\n";
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  h += "</ol>\n<h2>" + html_escape(zh ? "未采用的日期" : "Dates not used") + "</h2>\n<ul>\n";
  for (const Unused& u : x.unused)
    h += "<li><a href=\"#n" + std::to_string(u.cite.line) + "\">" + html_escape((zh ? "第" : "line ") + std::to_string(u.cite.line) + (zh ? "行" : "")) +
         "</a> “" + html_escape(u.cite.quote) + "”：" + html_escape(zh ? u.why_zh : u.why_en) + "</li>\n";
  h += "</ul>\n</section>\n</main>\n</body>\n</html>\n";
  return h;
}

} // namespace kaowu::import
