#include "driver/explain.hpp"

#include <ostream>

#include "diag/diagnostic.hpp"
#include "diag/explanations.hpp"
#include "diag/suggest.hpp"

namespace kaowu {
namespace {
void print_indented(std::ostream& out, std::string_view text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out << "    " << text.substr(start, end - start) << '\n';
    start = end + 1;
  }
}

void print_explanation(std::ostream& out, const Explanation& e, bool zh) {
  out << '\n' << (zh ? e.text_zh : e.text_en) << "\n\n" << (zh ? "错误示例：" : "Wrong:") << '\n';
  print_indented(out, e.wrong);
  out << '\n' << (zh ? "正确示例：" : "Right:") << '\n';
  print_indented(out, e.right);
}
} // namespace

int run_explain(const std::string& query, Lang lang, std::ostream& out, std::ostream& err) {
  if (query.empty()) {
    // Every kind, one a line: the index of what `kaowu explain CODE` can say more about.
    for (const KindInfo& k : all_kinds()) {
      // "{0}" stands for what the diagnostic names when it is reported.
      std::string message = substitute(lang == Lang::zh ? k.message_zh : k.message_en,
                                       std::vector<std::string>(10, "…"));
      out << code_string(k.code) << "  " << k.slug << "  " << (k.severity == Severity::error ? "error" : "warning")
          << "  " << message << '\n';
    }
    return 0;
  }
  std::vector<std::string> names;
  for (const KindInfo& k : all_kinds()) {
    std::string code = code_string(k.code);
    names.push_back(code);
    names.emplace_back(k.slug);
    if (query == code || query == k.slug || query == code.substr(2)) {
      bool zh = lang == Lang::zh;
      out << code << ' ' << k.slug << '\n'
          << (zh ? "信息：" : "message: ") << (zh ? k.message_zh : k.message_en) << '\n'
          << (zh ? "修改：" : "fix: ") << (zh ? k.hint_zh : k.hint_en) << '\n';
      if (const Explanation* e = explanation(k.kind)) print_explanation(out, *e, zh);
      return 0;
    }
  }
  err << "kaowu: no diagnostic '" << query << "'";
  if (auto near = closest_match(query, names)) err << "; did you mean '" << *near << "'?";
  err << '\n';
  return 2;
}

} // namespace kaowu
