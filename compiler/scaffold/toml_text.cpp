#include "scaffold/toml_text.hpp"

#include <cstdio>

namespace kaowu {

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

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
