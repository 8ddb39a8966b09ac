// Reads a [holidays] document: one year's days off and 调休 working days.
#include "load/loader.hpp"
#include "load/reader.hpp"

namespace kaowu {

void load_holidays(const toml::table& root, const std::string& path, Project& project,
                   DiagnosticSink& sink) {
  TableReader top(root, {"the file", "文件"}, sink);
  HolidayYear year;
  year.file = path;
  if (const toml::table* meta = top.table("holidays", TableReader::required)) {
    TableReader r(*meta, {"[holidays]", "[holidays]"}, sink);
    year.loc = r.loc();
    if (auto v = r.integer("year", 1990, 2999, TableReader::required)) year.year = static_cast<int>(*v);
    if (auto v = r.source("source")) year.source = *v;
    else if (!r.has("source"))
      sink.report_localized(DiagKind::missing_key, r.loc(), {"source", "[holidays]"}, {"source", "[holidays]"});
    r.finish();
  }
  for (const toml::table* t : top.tables("off")) {
    TableReader r(*t, {"holiday", "假日"}, sink);
    HolidayBreak b;
    b.loc = r.loc();
    if (auto v = r.text("name", TableReader::required)) b.name = v->value;
    if (auto v = r.date("start", TableReader::required)) b.start = *v;
    if (auto v = r.date("end", TableReader::required)) b.end = *v;
    b.workdays = r.dates("workdays");
    r.finish();
    year.breaks.push_back(std::move(b));
  }
  top.finish();
  cite_within(year.source, Source{});
  project.holidays.push_back(std::move(year));
}

} // namespace kaowu
