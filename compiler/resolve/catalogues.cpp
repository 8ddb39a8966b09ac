// Expands each catalogue from its base: base specialties, minus removals, plus its own.
#include <algorithm>
#include <map>
#include <set>

#include "diag/suggest.hpp"
#include "load/domain_limits.hpp"
#include "resolve/resolver.hpp"

namespace kaowu {

namespace {

// One catalogue from its base's resolved form (nullptr: no base, or one that could not be
// resolved). Each catalogue holds at most limits::kSpecialties specialties and as many removals,
// so a chain of catalogues costs time and memory linear in its length.
ResolvedCatalogue expand(const Catalogue& c, const ResolvedCatalogue* base, bool base_failed, DiagnosticSink& sink) {
  ResolvedCatalogue out;
  out.catalogue = &c;
  std::map<std::string, Specialty> specialties;
  if (base) {
    for (const Specialty& s : base->specialties) specialties[s.code.value] = s;
    out.levels = base->levels;
  }
  if (!base_failed)
    for (const Removal& r : c.removed)
      for (const Text& code : r.codes) {
        if (!specialties.erase(code.value)) {
          sink.report(DiagKind::unknown_specialty, code.loc, {code.value, c.base.empty() ? c.id.value : c.base.value});
          continue;
        }
        out.removed[code.value] = &r;
      }
  // The base's removals after the catalogue's own, as far as the bound allows: they only name
  // where an old code went ("removed in 2024") in a diagnostic.
  if (base)
    for (const auto& [code, removal] : base->removed)
      if (out.removed.size() < limits::kRemoved) out.removed.emplace(code, removal);
  for (const Specialty& s : c.specialties) {
    specialties[s.code.value] = s;
    out.removed.erase(s.code.value);
  }
  if (!c.levels.empty()) out.levels = c.levels;
  // The catalogue's own list was bounded at load; with its base it may still grow past the bound.
  if (specialties.size() > limits::kSpecialties && c.specialties.size() <= limits::kSpecialties)
    sink.report_localized(DiagKind::too_many, c.base.loc,
                          {"specialties of catalogue '" + c.id.value + "' with its base",
                           std::to_string(specialties.size()), std::to_string(limits::kSpecialties)},
                          {"专业目录“" + c.id.value + "”（含其基础目录）的专业",
                           std::to_string(specialties.size()), std::to_string(limits::kSpecialties)});
  for (auto& [code, s] : specialties) {
    if (out.specialties.size() == limits::kSpecialties) break;
    out.specialties.push_back(std::move(s));
  }
  return out;
}

} // namespace

std::vector<ResolvedCatalogue> resolve_catalogues(const Project& project, DiagnosticSink& sink) {
  std::map<std::string, const Catalogue*> by_id;
  std::vector<std::string> ids;
  for (const Catalogue& c : project.catalogues)
    if (by_id.emplace(c.id.value, &c).second) ids.push_back(c.id.value);

  std::map<const Catalogue*, ResolvedCatalogue> done;
  std::set<const Catalogue*> failed; // members of a base cycle: their base gives nothing
  for (const Catalogue& first : project.catalogues) {
    if (by_id[first.id.value] != &first || done.count(&first)) continue;
    // Follow the base chain, without recursion, to a catalogue already done, one without a
    // base, an unknown base, or a catalogue already on the chain (a cycle).
    std::vector<const Catalogue*> chain;
    std::map<const Catalogue*, size_t> on_chain;
    for (const Catalogue* c = &first; c && !done.count(c);) {
      if (auto seen = on_chain.find(c); seen != on_chain.end()) {
        std::vector<const Catalogue*> cycle(chain.begin() + static_cast<long>(seen->second), chain.end());
        std::string names;
        for (const Catalogue* m : cycle) names += m->id.value + " → ";
        names += c->id.value;
        Diagnostic& d = sink.report(DiagKind::catalogue_cycle, cycle.front()->base.loc, {cycle.front()->id.value, names});
        // The message names every member; notes point at the first few (a ring of thousands
        // would print thousands of quoted lines).
        for (size_t i = 1; i < cycle.size() && i <= 8; ++i)
          add_note(d, cycle[i]->base.loc, "'" + cycle[i]->id.value + "' takes its base here",
                   "“" + cycle[i]->id.value + "”在此指定基础目录");
        failed.insert(cycle.begin(), cycle.end());
        break;
      }
      on_chain.emplace(c, chain.size());
      chain.push_back(c);
      if (c->base.empty()) break;
      auto base = by_id.find(c->base.value);
      if (base == by_id.end()) {
        if (!project.ids_in_broken_files.count(c->base.value)) {
          Diagnostic& d = sink.report(DiagKind::unknown_catalogue, c->base.loc, {c->base.value});
          if (auto near = closest_match(c->base.value, ids))
            set_help(d, "did you mean '" + *near + "'?", "是否想写“" + *near + "”？");
        }
        break;
      }
      c = base->second;
    }
    // Each step copies its base's specialties: a chain of 20,000 would exhaust memory. Walking
    // it costs nothing, so a ring is still found and named as one; a long chain is not expanded.
    if (chain.size() > limits::kBaseChain && !failed.count(chain.front())) {
      sink.report_localized(DiagKind::chain_too_long, first.base.loc,
                            {"base catalogues", first.id.value, std::to_string(limits::kBaseChain)},
                            {"基础目录", first.id.value, std::to_string(limits::kBaseChain)});
      failed.insert(chain.begin(), chain.end());
    }
    // Then expand from the far end of the chain back to where it started.
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Catalogue& c = **it;
      const ResolvedCatalogue* base = nullptr;
      if (!c.base.empty() && !failed.count(&c))
        if (auto b = by_id.find(c.base.value); b != by_id.end())
          if (auto r = done.find(b->second); r != done.end()) base = &r->second;
      done.emplace(&c, expand(c, base, failed.count(&c) > 0, sink));
    }
  }
  std::vector<ResolvedCatalogue> result;
  for (const Catalogue& c : project.catalogues)
    if (by_id[c.id.value] == &c) result.push_back(done.at(&c));
  return result;
}

} // namespace kaowu
