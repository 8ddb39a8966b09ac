#include "diag/sink.hpp"

#include <algorithm>
#include <tuple>

namespace kaowu {
namespace {
// Whether `pattern` names a positional argument ({0} … {9}).
bool has_placeholder(std::string_view pattern) {
  for (size_t i = 0; i + 2 < pattern.size(); ++i)
    if (pattern[i] == '{' && pattern[i + 1] >= '0' && pattern[i + 1] <= '9' && pattern[i + 2] == '}') return true;
  return false;
}
} // namespace

Diagnostic& DiagnosticSink::report(DiagKind kind, const Location& loc,
                                   std::vector<std::string> args) {
  return report(kind, info(kind).severity, loc, std::move(args));
}

Diagnostic& DiagnosticSink::report(DiagKind kind, Severity severity, const Location& loc,
                                   std::vector<std::string> args) {
  const KindInfo& k = info(kind);
  diagnostics_.push_back(Diagnostic{
      kind, severity, loc, Bilingual{substitute(k.message_en, args), substitute(k.message_zh, args)},
      {}, std::nullopt});
  // A hint may name the message's arguments too (KW0222: calendars/holidays/{0}.toml).
  if (has_placeholder(k.hint_en) || has_placeholder(k.hint_zh))
    diagnostics_.back().help = Bilingual{substitute(k.hint_en, args), substitute(k.hint_zh, args)};
  return diagnostics_.back();
}

Diagnostic& DiagnosticSink::report_localized(DiagKind kind, const Location& loc,
                                             std::vector<std::string> args_en,
                                             std::vector<std::string> args_zh) {
  Diagnostic& d = report(kind, loc, std::move(args_en));
  d.message.zh = substitute(info(kind).message_zh, args_zh);
  if (d.help && has_placeholder(info(kind).hint_zh)) d.help->zh = substitute(info(kind).hint_zh, args_zh);
  return d;
}

void DiagnosticSink::absorb(DiagnosticSink&& other) {
  for (Diagnostic& d : other.diagnostics_) diagnostics_.push_back(std::move(d));
  other.diagnostics_.clear();
}

size_t DiagnosticSink::error_count() const {
  return static_cast<size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                           [](auto& d) { return d.severity == Severity::error; }));
}

size_t DiagnosticSink::warning_count() const {
  return static_cast<size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                           [](auto& d) { return d.severity == Severity::warning; }));
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.column, info(a.kind).code) <
           std::tie(b.loc.file, b.loc.line, b.loc.column, info(b.kind).code);
  });
  return out;
}

void add_note(Diagnostic& d, const Location& loc, std::string en, std::string zh) {
  d.notes.push_back(Note{loc, Bilingual{std::move(en), std::move(zh)}});
}

void set_help(Diagnostic& d, std::string en, std::string zh) {
  d.help = Bilingual{std::move(en), std::move(zh)};
}

} // namespace kaowu
