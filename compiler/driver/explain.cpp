#include "driver/explain.hpp"

#include <ostream>

#include "diag/diagnostic.hpp"
#include "diag/suggest.hpp"

namespace kaowu {

int run_explain(const std::string& query, Lang lang, std::ostream& out, std::ostream& err) {
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
      return 0;
    }
  }
  err << "kaowu: no diagnostic '" << query << "'";
  if (auto near = closest_match(query, names)) err << "; did you mean '" << *near << "'?";
  err << '\n';
  return 2;
}

} // namespace kaowu
