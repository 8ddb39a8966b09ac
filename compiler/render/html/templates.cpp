#include "render/html/templates.hpp"

#include <algorithm>
#include <cstdlib>
#include <regex>

namespace kaowu {

Location location_in(const std::string& text, size_t offset, const std::string& file) {
  offset = std::min(offset, text.size());
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return Location{file, line, column, 0};
}

namespace {
// kainjow ends its messages with " at <offset>" ("Unclosed section \"x\" at 120").
std::optional<size_t> error_offset(const std::string& message) {
  size_t at = message.rfind(" at ");
  if (at == std::string::npos || at + 4 >= message.size()) return std::nullopt;
  std::string digits = message.substr(at + 4);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return static_cast<size_t>(std::strtoull(digits.c_str(), nullptr, 10));
}
} // namespace

TemplateSet::TemplateSet(const SiteSources& site, DiagnosticSink& sink) : site_(site), sink_(sink) {
  for (const auto& [name, text] : site.templates) {
    kainjow::mustache::mustache tmpl(text);
    valid_[name] = tmpl.is_valid();
    if (tmpl.is_valid()) continue;
    const std::string& path = site.template_paths.at(name);
    std::string message = tmpl.error_message();
    Location loc{path, 0, 0, 0};
    if (auto offset = error_offset(message)) {
      loc = location_in(text, *offset, path);
      message = message.substr(0, message.rfind(" at "));
    }
    sink.report(DiagKind::template_error, loc, {message});
  }
  // kainjow renders an unknown partial as nothing: report it where it is named instead.
  static const std::regex partial_tag("\\{\\{>[ \t]*([^} \t]+)[ \t]*\\}\\}");
  for (const auto& [name, text] : site.templates) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), partial_tag); it != std::sregex_iterator(); ++it) {
      if (site.templates.count(it->str(1) + ".mustache")) continue;
      Location loc = location_in(text, static_cast<size_t>(it->position(0)), site.template_paths.at(name));
      sink.report(DiagKind::template_error, loc, {"no partial '" + it->str(1) + "' (templates/" + it->str(1) + ".mustache)"});
    }
  }
}

std::optional<std::string> TemplateSet::render(const std::string& name, TemplateData data) {
  auto it = site_.templates.find(name);
  if (it == site_.templates.end()) {
    if (reported_.insert(name).second)
      sink_.report(DiagKind::missing_template, Location{site_.templates_dir, 0, 0, 0},
                   {name, site_.templates_dir});
    return std::nullopt;
  }
  if (!valid_[name]) return std::nullopt; // already reported
  for (const auto& [file, text] : site_.templates) {
    // Partials start with '_': Mustache looks partials up among the data, so a partial named
    // like a data key ("subscribe") would shadow it.
    if (file.empty() || file[0] != '_') continue;
    std::string partial_name = file.substr(0, file.size() - std::string(".mustache").size());
    std::string copy = text;
    data.set(partial_name, kainjow::mustache::partial([copy] { return copy; }));
  }
  kainjow::mustache::mustache tmpl(it->second);
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    if (reported_.insert(name).second)
      sink_.report(DiagKind::template_error, Location{site_.template_paths.at(name), 0, 0, 0},
                   {tmpl.error_message()});
    return std::nullopt;
  }
  return out;
}

} // namespace kaowu
