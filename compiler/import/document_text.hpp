#pragma once
// The front end of `kaowu import`: a notice as it was handed down (plain text or Markdown in
// UTF-8 or GB18030/GBK, HTML, DOCX, PDF) read into the one shape the extractor reads, whatever
// the format: numbered lines of UTF-8 text, table rows kept together on one line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/sink.hpp"

namespace kaowu::import {

enum class DocumentFormat { text, markdown, html, docx, pdf };

// One line of the notice's text, as the reader would see it on the page.
struct DocumentLine {
  // UTF-8, without its line break. A table row is one line, its cells joined by " | " (as a
  // Markdown table row reads), so a 工作时间 | 工作内容 row stays together.
  std::string text;
  // 1-based: the line in the file for text, Markdown and HTML source; for DOCX the paragraph or
  // table row, for PDF the line of the text layer in reading order (page breaks kept as lines).
  int number = 0;
  // For PDF, the 1-based page; 0 where the format has no pages.
  int page = 0;
};

struct DocumentText {
  std::string path;      // as given on the command line, for diagnostics and comments
  DocumentFormat format = DocumentFormat::text;
  std::string encoding;  // what the bytes were: "UTF-8", "GB18030" (GBK is read as its superset)
  std::vector<DocumentLine> lines;
};

// Reads a notice from its bytes. The format comes from the bytes (a ZIP with word/document.xml,
// %PDF-, an HTML document) and then from the extension of `path`. Problems (an unreadable
// document, a PDF with no text layer, bytes in no known encoding) are reported to `sink` with
// `path` located, and the result is empty; nothing is thrown for bad input.
std::optional<DocumentText> read_document(const std::string& path, std::string_view bytes,
                                          DiagnosticSink& sink);

} // namespace kaowu::import
