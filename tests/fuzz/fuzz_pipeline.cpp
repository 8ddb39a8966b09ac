// libFuzzer target over the whole front and middle of `kaowu build`: load -> resolve -> check
// -> every renderer (render_all), then both diagnostic printers. Nothing is published.
//
// One input holds one or more TOML documents separated by a line "#---" so that the fuzzer can
// build parent chains, catalogues and holidays across files, as a calendars directory does.
// Besides crashes and sanitizer reports, it traps on outputs that would harm a published site:
// an unsafe or duplicate artifact path, or a .json artifact that does not parse.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "check/check.hpp"
#include "diag/printer.hpp"
#include "load/loader.hpp"
#include "load/site_sources.hpp"
#include "publish/publisher.hpp"
#include "render/render_all.hpp"
#include "resolve/resolver.hpp"

namespace {

// The repository's templates/, read once, so renderers that need templates run as in a build.
const kaowu::SiteSources& site_sources() {
  static const kaowu::SiteSources site = [] {
    namespace fs = std::filesystem;
    fs::path root = fs::path(__FILE__).parent_path().parent_path().parent_path();
    kaowu::DiagnosticSink sink;
    kaowu::SourceMap sources;
    return kaowu::load_site_sources((root / "templates").string(), (root / "notices").string(),
                                    "https://example.org/kaowu", sink, sources);
  }();
  return site;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void check_artifacts(const kaowu::Artifacts& artifacts) {
  std::set<std::string> paths;
  for (const kaowu::Artifact& a : artifacts) {
    if (!kaowu::is_safe_artifact_path(a.path) || !paths.insert(a.path).second) __builtin_trap();
    if (ends_with(a.path, ".json") && !nlohmann::json::accept(a.bytes)) __builtin_trap();
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  site_sources();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  kaowu::DiagnosticSink sink;
  kaowu::SourceMap sources;
  kaowu::Project project;
  project.root = "fuzz";
  int index = 0;
  while (true) {
    size_t cut = input.find("\n#---\n");
    std::string_view doc = input.substr(0, cut);
    std::string path = "fuzz/" + std::to_string(index++) + ".toml";
    kaowu::load_document(doc, path, project, sink);
    sources.add(path, std::string(doc));
    if (cut == std::string_view::npos) break;
    input.remove_prefix(cut + 6);
  }
  kaowu::ResolvedProject resolved = kaowu::resolve(project, sink);
  kaowu::check(resolved, sink);
  if (!sink.has_errors()) {
    kaowu::Artifacts artifacts = kaowu::render_all(resolved, site_sources(), sink);
    check_artifacts(artifacts);
  }
  std::ostringstream text, json;
  kaowu::print_text(text, sink, sources, kaowu::Lang::zh, true);
  kaowu::print_json(json, sink, kaowu::Lang::en);
  if (!nlohmann::json::accept(json.str())) __builtin_trap();
  return 0;
}
