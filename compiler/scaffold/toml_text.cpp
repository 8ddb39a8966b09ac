#include "scaffold/toml_text.hpp"


namespace kaowu {

std::string toml_source(const Source& s) {
  std::string out;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    out += (out.empty() ? "{ " : ", ") + std::string(key) + " = " + value;
  };
  bool named = !s.issuer.empty() || !s.number.empty() || !s.title.empty();
  add("issuer", s.issuer.empty() ? "" : toml_string(s.issuer));
  add("number", s.number.empty() ? "" : toml_string(s.number));
  add("date", s.date ? s.date->iso() : "");
  add("title", !s.title.empty() ? toml_string(s.title) : named || s.document.empty() ? "" : toml_string(s.document));
  add("section", s.section.empty() ? "" : toml_string(s.section));
  return out.empty() ? "" : out + " }";
}

} // namespace kaowu
