#pragma once
// Which format a notice is in: from its bytes first (a file called .doc is often HTML, one
// called .txt may be a PDF), then from the extension of its name.
#include <optional>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "import/document_text.hpp"

namespace kaowu::import {

struct FormatGuess {
  std::optional<DocumentFormat> format;
  // When there is no format kaowu reads: what the file is, for KW0543 ("a Word 97–2003 file").
  Bilingual unsupported;
};

FormatGuess detect_format(std::string_view path, std::string_view bytes);

// A file's extension in lower case, without the dot ("docx"), or empty.
std::string extension_of(std::string_view path);

// Whether `bytes` start (after a BOM and white space) the way an HTML page does.
bool looks_like_html(std::string_view bytes);

} // namespace kaowu::import
