#include "serve/pages.hpp"

#include "render/media_types.hpp"
#include "text/html_escape.hpp"

namespace kaowu {
namespace {

std::string reload_script(uint64_t generation) {
  return "<script>/* kaowu serve: reload when the site is rebuilt (not part of the built site) */"
         "(function(){var s=new EventSource(\"/__kaowu/events?since=" +
         std::to_string(generation) +
         "\");s.addEventListener(\"reload\",function(){s.close();location.reload();});})();</script>\n";
}

} // namespace

std::string with_reload_script(std::string_view html, uint64_t generation) {
  std::string script = reload_script(generation);
  size_t body = html.rfind("</body>");
  std::string out;
  out.reserve(html.size() + script.size());
  if (body == std::string_view::npos) return std::string(html) + script;
  out.append(html.substr(0, body));
  out += script;
  out.append(html.substr(body));
  return out;
}

std::string error_page(std::string_view diagnostics, size_t errors, const std::string& path, bool has_last_good,
                       uint64_t generation, bool zh) {
  std::string n = std::to_string(errors);
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += zh ? "kaowu：" + n + " 个错误" : "kaowu: " + n + (errors == 1 ? " error" : " errors");
  out += "</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
         "pre{background:#fff5f5;border-left:4px solid #c00;padding:1rem;overflow-x:auto;"
         "font-family:\"Noto Sans Mono CJK SC\",monospace;line-height:1.4}h1{font-size:1.3rem;color:#a00}</style>\n"
         "</head>\n<body>\n<h1 id=\"kaowu-errors\">";
  out += zh ? "输入有错误，网站没有更新" : "The input has errors: the site was not rebuilt";
  out += "</h1>\n<p>";
  out += zh ? "改正后保存，本页会自动刷新。终端里也打印了同样的信息。"
            : "Fix them and save: this page reloads by itself. The terminal shows the same report.";
  out += "</p>\n<pre>" + html_escape(diagnostics) + "</pre>\n";
  if (has_last_good)
    out += "<p><a href=\"/__kaowu/last-good/" + html_escape(path) + "\">" +
           (zh ? "查看上次成功生成的版本" : "See the last good version of this page") + "</a></p>\n";
  out += reload_script(generation);
  out += "</body>\n</html>\n";
  return out;
}

std::string served_media_type(const std::string& path, const std::string& rendered) {
  if (media_rule_for(path)) return media_type_for(path);
  // A file the site never writes by that extension (a static file a centre added).
  if (rendered.empty()) return "application/octet-stream";
  bool text = rendered.rfind("text/", 0) == 0;
  if (text && rendered.find("charset") == std::string::npos) return rendered + "; charset=utf-8";
  return rendered;
}

bool cross_origin(const std::string& path) {
  const MediaRule* r = media_rule_for(path);
  return r && r->cross_origin;
}

} // namespace kaowu
