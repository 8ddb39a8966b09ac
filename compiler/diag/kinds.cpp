#include <cstdio>

#include "diag/diagnostic.hpp"

namespace kaowu {

const std::vector<KindInfo>& all_kinds() {
  static const std::vector<KindInfo> table = {
#define KAOWU_DIAG(name, code, slug, sev, en, zh, hint_en, hint_zh)                            \
  {DiagKind::name, code, slug, Severity::sev, en, zh, hint_en, hint_zh},
#include "diag/kinds.def"
#undef KAOWU_DIAG
  };
  return table;
}

const KindInfo& info(DiagKind kind) { return all_kinds()[static_cast<size_t>(kind)]; }

std::string code_string(int code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "KW%04d", code);
  return buf;
}

namespace {
// An argument is input text (a key, a placeholder's name): one of 100 KB would make a message of
// 100 KB. Cut at a character boundary past kMaxArgBytes, which still holds a ring of the most
// catalogues a project may have.
constexpr size_t kMaxArgBytes = 8192;

void append_arg(std::string& out, const std::string& arg) {
  if (arg.size() <= kMaxArgBytes) {
    out += arg;
    return;
  }
  size_t cut = kMaxArgBytes;
  while (cut > 0 && (static_cast<unsigned char>(arg[cut]) & 0xC0) == 0x80) --cut;
  out.append(arg, 0, cut);
  out += "…";
}
} // namespace

std::string substitute(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      size_t index = static_cast<size_t>(pattern[i + 1] - '0');
      if (index < args.size()) append_arg(out, args[index]);
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

} // namespace kaowu
