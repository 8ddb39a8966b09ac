#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace kaowu {

// Where every stage reports problems. Stages never throw for bad input: they report here
// and go on, so one run shows every problem.
class DiagnosticSink {
public:
  Diagnostic& report(DiagKind kind, const Location& loc, std::vector<std::string> args = {});
  // Same, with arguments that differ by language (the name of a table, of a type).
  Diagnostic& report_localized(DiagKind kind, const Location& loc, std::vector<std::string> args_en,
                               std::vector<std::string> args_zh);
  // Same, with a severity that overrides the kind's default (rules.toml sets severities).
  Diagnostic& report(DiagKind kind, Severity severity, const Location& loc,
                     std::vector<std::string> args = {});

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // The i-th diagnostic reported, to add notes after the fact (the check stage names the rule
  // that fired last, after the rule's own notes).
  Diagnostic& at(size_t i) { return diagnostics_.at(i); }
  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  // Moves every diagnostic of `other` to the end of this sink, in its order (a stage that ran
  // parts on threads, each with a sink of its own, merges them in a fixed order).
  void absorb(DiagnosticSink&& other);
  // Stable order for printing: by file, line, column, then code.
  std::vector<Diagnostic> sorted() const;

private:
  std::vector<Diagnostic> diagnostics_;
};

// Adds a note to a diagnostic, in both languages.
void add_note(Diagnostic& d, const Location& loc, std::string en, std::string zh);
void set_help(Diagnostic& d, std::string en, std::string zh);

} // namespace kaowu
