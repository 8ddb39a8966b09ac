#pragma once
// A notice read from disk for `kaowu import`: the bytes, bounded by kMaxDocumentBytes, then
// read_document().
#include <optional>
#include <string>

#include "diag/sink.hpp"
#include "import/document_text.hpp"

namespace kaowu::import {

// The bytes of the file at `path`, or nothing after reporting why (KW0901 with the OS's reason,
// as `kaowu` reports I/O failures with exit 2; KW0542 past kMaxDocumentBytes, read no further).
std::optional<std::string> read_notice_bytes(const std::string& path, DiagnosticSink& sink);

// read_notice_bytes() then read_document().
std::optional<DocumentText> read_document_file(const std::string& path, DiagnosticSink& sink);

} // namespace kaowu::import
