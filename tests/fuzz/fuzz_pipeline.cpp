// libFuzzer target over the whole of `kaowu build` short of writing: compile() (load -> resolve
// -> check -> bind) over in-memory trees, every renderer (render_all), then both diagnostic
// printers. Nothing is published.
//
// One input holds several sections separated by a line "#---":
//   - a section starting with "#notice <calendar-id>" is a notice of that calendar;
//   - one starting with "#template <name>.mustache" replaces (or adds) that template;
//   - any other section is a TOML document of the calendars directory.
// So mutations reach parent chains, catalogues, holidays, notices and templates together.
// Besides crashes and sanitizer reports, it traps on outputs that would harm a published site
// (an unsafe path, two paths that are one on a case-insensitive server, a .json artifact that
// does not parse), on a renderer that finds a problem bind missed, and on a rendered file set
// that differs from the one bind planned and checked.
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bind/output_plan.hpp"
#include "diag/printer.hpp"
#include "io/source_tree.hpp"
#include "pipeline/builtin_templates.hpp"
#include "pipeline/compile.hpp"
#include "publish/publisher.hpp"
#include "render/render_all.hpp"

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The rest of a "#notice x" line and what follows it.
std::string_view header_value(std::string_view section, std::string_view& body) {
  size_t eol = section.find('\n');
  std::string_view line = section.substr(0, eol);
  body = eol == std::string_view::npos ? std::string_view() : section.substr(eol + 1);
  size_t space = line.find(' ');
  return space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
}

std::string folded(std::string path) {
  for (char& c : path)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return path;
}

void check_artifacts(const kaowu::Artifacts& artifacts) {
  std::set<std::string> paths;
  for (const kaowu::Artifact& a : artifacts) {
    // Bind rejects paths that collide, even on a case-insensitive server (output_plan.cpp).
    if (!kaowu::is_safe_artifact_path(a.path) || !paths.insert(folded(a.path)).second) __builtin_trap();
    if (ends_with(a.path, ".json") && !nlohmann::json::accept(a.bytes)) __builtin_trap();
  }
}

// A clean compile renders without a new problem (check reports what build would), except a page
// past its size bound, which only rendering can find, and writes exactly the planned files.
void check_render(const kaowu::Compilation& c) {
  kaowu::DiagnosticSink sink;
  kaowu::RenderOptions with_model;
  with_model.model = true; // the plan has the model files, which --model writes
  kaowu::Artifacts artifacts = kaowu::render_all(c.bound, sink, with_model);
  check_artifacts(artifacts);
  for (const kaowu::Diagnostic& d : sink.diagnostics())
    if (d.kind != kaowu::DiagKind::page_too_large) __builtin_trap();
  if (sink.has_errors()) return;
  std::multiset<std::string> rendered, planned;
  for (const kaowu::Artifact& a : artifacts) rendered.insert(a.path);
  for (const kaowu::PlannedFile& f : kaowu::plan_outputs(c.resolved, c.site, c.bound.notices, c.bound.feeds))
    planned.insert(f.path);
  if (rendered != planned) __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  kaowu::builtin_templates();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  kaowu::MemoryTree calendars("fuzz");
  kaowu::MemoryTree notices("notices");
  kaowu::MemoryTree templates("templates");
  for (const auto& [path, bytes] : kaowu::builtin_templates().files()) templates.add(path, bytes);
  bool any_notice = false;
  for (int index = 0;; ++index) {
    size_t cut = input.find("\n#---\n");
    std::string_view section = input.substr(0, cut);
    std::string_view body;
    if (starts_with(section, "#notice ")) {
      std::string_view calendar = header_value(section, body);
      // A calendar id is one path segment; anything else lands in a folder kaowu ignores.
      if (!calendar.empty() && calendar.find('/') == std::string_view::npos && calendar != "." && calendar != "..") {
        notices.add(std::string(calendar) + "/n" + std::to_string(index) + ".md", std::string(body));
        any_notice = true;
      }
    } else if (starts_with(section, "#template ")) {
      std::string_view name = header_value(section, body);
      if (!name.empty() && name.find('/') == std::string_view::npos && name != "." && name != "..")
        templates.add(std::string(name), std::string(body));
    } else {
      calendars.add(std::to_string(index) + ".toml", std::string(section));
    }
    if (cut == std::string_view::npos) break;
    input.remove_prefix(cut + 6);
  }
  kaowu::CompileInputs inputs;
  inputs.calendars = &calendars;
  inputs.notices = any_notice ? &notices : nullptr;
  inputs.templates = &templates;
  inputs.bind.base_url = "https://example.org/kaowu";
  auto c = kaowu::compile(inputs);
  if (!c->sink.has_errors()) check_render(*c);
  std::ostringstream text, json;
  kaowu::print_text(text, c->sink, c->sources, kaowu::Lang::zh, true);
  kaowu::print_json(json, c->sink, kaowu::Lang::en);
  if (!nlohmann::json::accept(json.str())) __builtin_trap();
  return 0;
}
