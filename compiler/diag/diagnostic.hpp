#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.hpp"
#include "model/rules.hpp"

namespace kaowu {

enum class DiagKind {
#define KAOWU_DIAG(name, code, slug, sev, en, zh, hint_en, hint_zh) name,
#include "diag/kinds.def"
#undef KAOWU_DIAG
};

struct KindInfo {
  DiagKind kind;
  int code;
  std::string_view slug;
  Severity severity;
  std::string_view message_en, message_zh, hint_en, hint_zh;
};

const KindInfo& info(DiagKind);
const std::vector<KindInfo>& all_kinds();
std::string code_string(int code); // "KW0203"

// A text in both languages the printers can show.
struct Bilingual {
  std::string en;
  std::string zh;
};

// Substitutes {0}, {1}, … in a template.
std::string substitute(std::string_view pattern, const std::vector<std::string>& args);

struct Note {
  Location loc;
  Bilingual text;
};

struct Diagnostic {
  DiagKind kind;
  Severity severity;
  Location loc;
  Bilingual message;
  std::vector<Note> notes;
  std::optional<Bilingual> help; // overrides the kind's hint ("did you mean …")
};

} // namespace kaowu
