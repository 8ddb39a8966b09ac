#include "import/document_format.hpp"
#include "import/document_limits.hpp"
#include "import/format_readers.hpp"
#include "import/plain_text.hpp"
#include "import/text_encoding.hpp"

namespace kaowu::import {

void report_too_large(const std::string& path, DiagnosticSink& sink) {
  std::string mb = std::to_string(megabytes(kMaxDocumentBytes));
  sink.report_localized(DiagKind::import_too_large, whole_file(path), {"this notice", mb}, {"该通知", mb});
}

ReadResult read_text_file(std::string_view bytes, DocumentText& doc, DiagnosticSink& sink) {
  auto decoded = decode_text(bytes, doc.path, sink);
  if (!decoded) return ReadResult::reported;
  doc.encoding = decoded->encoding;
  bool complete = doc.format == DocumentFormat::markdown ? read_markdown(decoded->utf8, doc.lines)
                                                         : read_plain_text(decoded->utf8, doc.lines);
  return complete ? ReadResult::ok : ReadResult::too_much_text;
}

std::optional<DocumentText> read_document(const std::string& path, std::string_view bytes, DiagnosticSink& sink) {
  if (bytes.size() > kMaxDocumentBytes) {
    report_too_large(path, sink);
    return std::nullopt;
  }
  FormatGuess guess = detect_format(path, bytes);
  if (!guess.format) {
    sink.report_localized(DiagKind::import_unsupported_format, whole_file(path), {guess.unsupported.en},
                          {guess.unsupported.zh});
    return std::nullopt;
  }
  DocumentText doc;
  doc.path = path;
  doc.format = *guess.format;
  doc.encoding = "UTF-8";
  ReadResult result = ReadResult::reported;
  switch (doc.format) {
  case DocumentFormat::text:
  case DocumentFormat::markdown: result = read_text_file(bytes, doc, sink); break;
  case DocumentFormat::html: result = read_html(bytes, doc, sink); break;
  case DocumentFormat::docx: result = read_docx(bytes, doc, sink); break;
  case DocumentFormat::pdf: result = read_pdf(bytes, doc, sink); break;
  }
  if (result == ReadResult::reported) return std::nullopt;
  if (result == ReadResult::too_much_text) {
    sink.report(DiagKind::import_text_too_large, whole_file(path), {std::to_string(megabytes(kMaxTextBytes))});
    return std::nullopt;
  }
  if (doc.lines.empty()) {
    sink.report(DiagKind::import_no_text, whole_file(path));
    return std::nullopt;
  }
  return doc;
}

} // namespace kaowu::import
