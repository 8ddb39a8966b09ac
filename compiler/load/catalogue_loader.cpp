// Reads a [catalogue] document: levels with their code ranges, specialties and removals.
#include <algorithm>

#include "load/loader.hpp"
#include "load/reader.hpp"

namespace kaowu {

void load_catalogue(const toml::table& root, const std::string& path, Project& project,
                    DiagnosticSink& sink) {
  TableReader top(root, {"the file", "文件"}, sink);
  Catalogue cat;
  cat.file = path;
  if (const toml::table* meta = top.table("catalogue", TableReader::required)) {
    TableReader r(*meta, {"[catalogue]", "[catalogue]"}, sink);
    cat.loc = r.loc();
    if (auto v = r.id("id", TableReader::required)) cat.id = *v;
    if (auto v = r.integer("year", 1990, 2999, TableReader::required)) cat.year = static_cast<int>(*v);
    if (auto v = r.choice("track", {"初中级", "高级"}, TableReader::required)) cat.track = v->value;
    if (auto v = r.id("base")) cat.base = *v;
    if (auto v = r.source("source")) cat.source = *v;
    r.finish();
  }
  for (const toml::table* t : top.tables("levels")) {
    TableReader r(*t, {"level", "级别"}, sink);
    LevelRange level;
    level.loc = r.loc();
    if (auto v = r.id("id", TableReader::required)) level.id = *v;
    if (auto v = r.text("name", TableReader::required)) level.name = v->value;
    if (const toml::node* codes = t->get("codes")) {
      const toml::array* a = codes->as_array();
      if (!a || a->size() != 2 || !(*a)[0].is_integer() || !(*a)[1].is_integer()) {
        sink.report_localized(DiagKind::wrong_type, location_of(codes->source()),
                              {"codes", "a range of two whole numbers ([101, 199])", "something else"},
                              {"codes", "两个整数组成的范围（如 [101, 199]）", "其他值"});
      } else {
        level.lowest_code = static_cast<int>(*(*a)[0].value<long long>());
        level.highest_code = static_cast<int>(*(*a)[1].value<long long>());
      }
    }
    r.accept("codes");
    r.finish();
    cat.levels.push_back(std::move(level));
  }
  for (const toml::table* t : top.tables("specialties")) {
    TableReader r(*t, {"specialty", "专业"}, sink);
    Specialty s;
    s.loc = r.loc();
    if (auto v = r.text("code", TableReader::required)) {
      // Codes name feed files (specialty-203.ics): digits and ASCII letters only.
      bool ok = !v->value.empty() && v->value.size() <= 16 &&
                std::all_of(v->value.begin(), v->value.end(), [](char ch) {
                  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
                });
      if (ok) s.code = *v;
      else
        r.sink().report_localized(DiagKind::invalid_value, v->loc,
                                  {"code", "\"" + v->value + "\"", "a code is 1–16 digits or ASCII letters"},
                                  {"code", "\"" + v->value + "\"", "专业代码应为 1–16 位数字或英文字母"});
    }
    if (auto v = r.text("name", TableReader::required)) s.name = v->value;
    if (auto v = r.id("level", TableReader::required)) s.level = *v;
    if (auto v = r.choice("mode", {"cbt", "paper"}, TableReader::required))
      s.mode = v->value == "paper" ? ExamMode::paper : ExamMode::cbt;
    if (auto v = r.text("licence")) s.licence = v->value;
    r.finish();
    cat.specialties.push_back(std::move(s));
  }
  for (const toml::table* t : top.tables("removed")) {
    TableReader r(*t, {"removal", "取消的专业"}, sink);
    Removal rem;
    rem.loc = r.loc();
    rem.codes = r.texts("codes", TableReader::required);
    if (auto v = r.text("into")) rem.into = v->value;
    if (auto v = r.source("source")) rem.source = *v;
    r.finish();
    cat.removed.push_back(std::move(rem));
  }
  top.finish();
  cite_within(cat.source, Source{});
  for (Removal& r : cat.removed) cite_within(r.source, cat.source);
  project.catalogues.push_back(std::move(cat));
}

} // namespace kaowu
