// Expands each catalogue from its base: base specialties, minus removals, plus its own.
#include <algorithm>
#include <functional>
#include <map>

#include "diag/suggest.hpp"
#include "resolve/resolver.hpp"

namespace kaowu {

std::vector<ResolvedCatalogue> resolve_catalogues(const Project& project, DiagnosticSink& sink) {
  std::map<std::string, const Catalogue*> by_id;
  std::vector<std::string> ids;
  for (const Catalogue& c : project.catalogues)
    if (by_id.emplace(c.id.value, &c).second) ids.push_back(c.id.value);

  std::map<std::string, ResolvedCatalogue> done;
  std::set<std::string> in_progress;
  std::function<const ResolvedCatalogue*(const Catalogue&)> expand = [&](const Catalogue& c) -> const ResolvedCatalogue* {
    if (auto it = done.find(c.id.value); it != done.end()) return &it->second;
    ResolvedCatalogue out;
    out.catalogue = &c;
    std::map<std::string, Specialty> specialties;
    if (!c.base.empty()) {
      auto base = by_id.find(c.base.value);
      if (base == by_id.end()) {
        if (!project.ids_in_broken_files.count(c.base.value)) {
          Diagnostic& d = sink.report(DiagKind::unknown_catalogue, c.base.loc, {c.base.value});
          if (auto near = closest_match(c.base.value, ids))
            set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
        }
      } else if (in_progress.count(c.base.value)) {
        sink.report(DiagKind::parent_cycle, c.base.loc, {c.id.value, c.id.value + " → " + c.base.value});
      } else {
        in_progress.insert(c.id.value);
        if (const ResolvedCatalogue* b = expand(*base->second)) {
          for (const Specialty& s : b->specialties) specialties[s.code.value] = s;
          out.levels = b->levels;
          out.removed = b->removed;
        }
        in_progress.erase(c.id.value);
      }
    }
    for (const Removal& r : c.removed)
      for (const Text& code : r.codes) {
        if (!specialties.erase(code.value)) {
          sink.report(DiagKind::unknown_specialty, code.loc, {code.value, c.base.empty() ? c.id.value : c.base.value});
          continue;
        }
        out.removed[code.value] = &r;
      }
    for (const Specialty& s : c.specialties) {
      specialties[s.code.value] = s;
      out.removed.erase(s.code.value);
    }
    if (!c.levels.empty()) out.levels = c.levels;
    for (auto& [code, s] : specialties) out.specialties.push_back(s);
    auto [it, inserted] = done.emplace(c.id.value, std::move(out));
    return &it->second;
  };
  std::vector<ResolvedCatalogue> result;
  for (const Catalogue& c : project.catalogues)
    if (by_id[c.id.value] == &c) result.push_back(*expand(c));
  return result;
}

} // namespace kaowu
