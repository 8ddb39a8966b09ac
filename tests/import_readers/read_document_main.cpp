// A test-only driver over read_document(): prints the lines a notice reads as, one per line,
// "NUMBER<TAB>TEXT" (or "PAGE:NUMBER<TAB>TEXT" for a PDF) after a "# FORMAT ENCODING" line,
// or the diagnostics as `kaowu` prints them. Exit 0 when read, 1 for a bad notice, 2 for I/O.
// Several files may be given (the robustness test reads hundreds in one run); each is preceded
// by "== PATH" and the exit status is the worst.
#include <cstring>
#include <iostream>
#include <string>

#include "diag/printer.hpp"
#include "import/document_text.hpp"
#include "import/notice_file.hpp"

namespace {

const char* format_name(kaowu::import::DocumentFormat f) {
  using kaowu::import::DocumentFormat;
  switch (f) {
  case DocumentFormat::text: return "text";
  case DocumentFormat::markdown: return "markdown";
  case DocumentFormat::html: return "html";
  case DocumentFormat::docx: return "docx";
  case DocumentFormat::pdf: return "pdf";
  }
  return "?";
}

} // namespace

int main(int argc, char** argv) {
  kaowu::Lang lang = kaowu::Lang::zh;
  bool quiet = false; // --quiet: statuses only (the robustness test)
  int worst = 0, files = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
      lang = std::strcmp(argv[++i], "en") == 0 ? kaowu::Lang::en : kaowu::Lang::zh;
      continue;
    }
    if (std::strcmp(argv[i], "--quiet") == 0) {
      quiet = true;
      continue;
    }
    ++files;
  }
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0) {
      ++i;
      continue;
    }
    if (std::strcmp(argv[i], "--quiet") == 0) continue;
    std::string path = argv[i];
    if (files > 1) std::cout << "== " << path << '\n';
    kaowu::DiagnosticSink sink;
    auto doc = kaowu::import::read_document_file(path, sink);
    int status = doc ? 0 : 1;
    for (const kaowu::Diagnostic& d : sink.diagnostics())
      if (d.kind == kaowu::DiagKind::io_error) status = 2;
    if (!quiet) {
      if (doc) {
        std::cout << "# " << format_name(doc->format) << ' ' << doc->encoding << '\n';
        for (const auto& line : doc->lines) {
          if (line.page > 0) std::cout << line.page << ':';
          std::cout << line.number << '\t' << line.text << '\n';
        }
      }
      kaowu::SourceMap sources;
      kaowu::print_text(std::cerr, sink, sources, lang, false);
    } else {
      std::cout << status << '\n';
    }
    if (status > worst) worst = status;
  }
  return worst;
}
