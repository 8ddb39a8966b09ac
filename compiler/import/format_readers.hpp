#pragma once
// The readers of each format, called by read_document() once the format is known. Each fills
// doc.lines (and doc.encoding) and reports its own problems to `sink`.
#include <string_view>

#include "diag/sink.hpp"
#include "import/document_text.hpp"

namespace kaowu::import {

enum class ReadResult {
  ok,
  reported,      // a problem was reported to the sink; the document is not read
  too_much_text, // stopped at kMaxTextBytes; read_document() reports it
};

ReadResult read_text_file(std::string_view bytes, DocumentText& doc, DiagnosticSink& sink);
ReadResult read_html(std::string_view bytes, DocumentText& doc, DiagnosticSink& sink);
ReadResult read_docx(std::string_view bytes, DocumentText& doc, DiagnosticSink& sink);
ReadResult read_pdf(std::string_view bytes, DocumentText& doc, DiagnosticSink& sink);

// Reports a file past kMaxDocumentBytes (KW0542).
void report_too_large(const std::string& path, DiagnosticSink& sink);

// The location that names a file with no line (a binary format).
inline Location whole_file(const std::string& path) { return Location{path, 0, 0, 0}; }

} // namespace kaowu::import
