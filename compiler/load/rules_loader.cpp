// Reads rules.toml: which checks to run, their severity, parameters and scope. The meaning of
// each parameter belongs to the check stage; here they are only typed and located.
#include "load/loader.hpp"
#include "load/reader.hpp"

namespace kaowu {
namespace {

// scope = { tracks = ["高级"], levels = ["region", "site"], from_year = 2021, to_year = 2024 }
RuleScope read_scope(const toml::table& table, DiagnosticSink& sink) {
  TableReader r(table, {"the rule's scope", "规则的 scope"}, sink);
  RuleScope scope;
  scope.loc = r.loc();
  for (const Text& t : r.text_or_texts("tracks")) {
    if (t.value == "初中级" || t.value == "高级") scope.tracks.push_back(t.value);
    else
      sink.report_localized(DiagKind::invalid_value, t.loc, {"tracks", "\"" + t.value + "\"", "expected \"初中级\" or \"高级\""},
                            {"tracks", "\"" + t.value + "\"", "可选值为 \"初中级\"、\"高级\""});
  }
  for (const Text& t : r.text_or_texts("levels")) {
    if (t.value == "national" || t.value == "region" || t.value == "site") scope.levels.push_back(t.value);
    else
      sink.report_localized(DiagKind::invalid_value, t.loc,
                            {"levels", "\"" + t.value + "\"", "expected \"national\", \"region\" or \"site\""},
                            {"levels", "\"" + t.value + "\"", "可选值为 \"national\"、\"region\"、\"site\""});
  }
  if (auto v = r.integer("from_year", 1990, 2999)) scope.from_year = static_cast<int>(*v);
  if (auto v = r.integer("to_year", 1990, 2999)) scope.to_year = static_cast<int>(*v);
  if (scope.from_year && scope.to_year && scope.to_year < scope.from_year)
    sink.report_localized(DiagKind::invalid_value, r.loc_of("to_year"),
                          {"to_year", std::to_string(scope.to_year), "it is before from_year"},
                          {"to_year", std::to_string(scope.to_year), "早于 from_year"});
  r.finish();
  return scope;
}

} // namespace

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
      if (k == "scope") {
        if (const toml::table* s = node.as_table()) rule.scope = read_scope(*s, sink);
        else
          sink.report_localized(DiagKind::wrong_type, loc, {k, "a table: { tracks = [\"高级\"] }", "something else"},
                                {k, "表：{ tracks = [\"高级\"] }", "其他值"});
        continue;
      }
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
      if (auto p = read_rule_param(k, node, sink)) rule.params[k] = std::move(*p);
    }
    if (rule.kind.empty())
      sink.report_localized(DiagKind::missing_key, rule.loc, {"kind", "a rule"}, {"kind", "规则"});
    project.rules.push_back(std::move(rule));
  }
  top.finish();
}

} // namespace kaowu
