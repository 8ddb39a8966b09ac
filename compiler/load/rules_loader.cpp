// Reads rules.toml: which checks to run, their severity and parameters. The meaning of each
// parameter belongs to the check stage; here they are only typed and located.
#include "load/loader.hpp"
#include "load/reader.hpp"

namespace kaowu {

void load_rules(const toml::table& root, const std::string& path, Project& project,
                DiagnosticSink& sink) {
  (void)path;
  TableReader top(root, {"the file", "文件"}, sink);
  project.has_rules_file = true;
  for (const toml::table* t : top.tables("rules", TableReader::required)) {
    RuleSpec rule;
    rule.loc = location_of(t->source());
    for (auto&& [key, node] : *t) {
      std::string k(key.str());
      Location loc = location_of(node.source());
      if (k == "id" || k == "kind" || k == "severity") {
        if (!node.is_string()) {
          sink.report_localized(DiagKind::wrong_type, loc, {k, "text in quotes", "something else"},
                                {k, "带引号的文字", "其他值"});
          continue;
        }
        std::string v = node.as_string()->get();
        if (k == "id") rule.id = v;
        else if (k == "kind") {
          rule.kind = v;
          rule.kind_loc = loc;
        }
        else if (v == "error") rule.severity = Severity::error;
        else if (v == "warning") rule.severity = Severity::warning;
        else if (v == "off") rule.severity = Severity::note;
        else
          sink.report_localized(DiagKind::invalid_value, loc,
                                {k, "\"" + v + "\"", "expected \"error\", \"warning\" or \"off\""},
                                {k, "\"" + v + "\"", "可选值为 \"error\"、\"warning\"、\"off\""});
        continue;
      }
      RuleParam p;
      p.loc = loc;
      if (auto i = node.value_exact<long long>()) p.value = *i;
      else if (auto d = node.value_exact<double>()) p.value = *d;
      else if (auto b = node.value_exact<bool>()) p.value = *b;
      else if (auto s = node.value_exact<std::string>()) p.value = *s;
      else if (const toml::array* a = node.as_array()) {
        std::vector<std::string> items;
        for (const toml::node& e : *a)
          if (auto item = e.value_exact<std::string>()) items.push_back(*item);
          else
            sink.report_localized(DiagKind::wrong_type, location_of(e.source()),
                                  {k, "text in quotes", "something else"}, {k, "带引号的文字", "其他值"});
        p.value = std::move(items);
      } else {
        sink.report_localized(DiagKind::wrong_type, loc, {k, "a number, true/false, text or a list of texts", "a table"},
                              {k, "数字、true/false、文字或文字列表", "表"});
        continue;
      }
      rule.params[k] = std::move(p);
    }
    if (rule.kind.empty())
      sink.report_localized(DiagKind::missing_key, rule.loc, {"kind", "a rule"}, {"kind", "规则"});
    project.rules.push_back(std::move(rule));
  }
  top.finish();
}

} // namespace kaowu
