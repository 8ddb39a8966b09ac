#pragma once
// Bounds on what the readers of `kaowu import` accept. A notice is a few pages (the seed notices
// are 4–60 KB of text, their PDFs under 2 MB); the bounds exist so that a wrong or hostile file
// fails with a message naming it instead of exhausting the memory, the stack or the time of a run.
#include <cstddef>

namespace kaowu::import {

// The file as handed over. A PDF with a scanned appendix can be several MB; 32 MB is ten times
// the largest notice seen and small enough to read into memory at once.
inline constexpr size_t kMaxDocumentBytes = 32u << 20;
// What one part of a ZIP (word/document.xml) may unpack to: a zip bomb stops here, whatever its
// header claims.
inline constexpr size_t kMaxUnpackedBytes = 64u << 20;
// The text read out of any format, in UTF-8 bytes (a 60 KB notice is 0.1% of it).
inline constexpr size_t kMaxTextBytes = 16u << 20;
// Elements nested inside each other (HTML, DOCX): real notices nest a table in a table at most,
// pages of a CMS some 40 elements; 256 is libxml2's own bound for HTML.
inline constexpr int kMaxNesting = 256;
// Pages of a PDF read; past this the PDF is no notice.
inline constexpr int kMaxPdfPages = 2000;

inline constexpr size_t megabytes(size_t bytes) { return bytes >> 20; }

} // namespace kaowu::import
