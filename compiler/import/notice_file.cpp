#include "import/notice_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "import/document_limits.hpp"
#include "import/format_readers.hpp"

namespace kaowu::import {

std::optional<std::string> read_notice_bytes(const std::string& path, DiagnosticSink& sink) {
  auto io_error = [&](int error) {
    sink.report(DiagKind::io_error, whole_file(path), {path + ": " + std::strerror(error)});
    return std::nullopt;
  };
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return io_error(errno);
  std::string bytes;
  char buffer[1 << 16];
  // Read in pieces up to one byte past the bound: a FIFO or /dev/zero has no size to ask for.
  while (bytes.size() <= kMaxDocumentBytes) {
    size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    bytes.append(buffer, n);
    if (n < sizeof buffer) {
      if (std::ferror(file.get())) return io_error(errno != 0 ? errno : EIO);
      break;
    }
  }
  if (bytes.size() > kMaxDocumentBytes) {
    report_too_large(path, sink);
    return std::nullopt;
  }
  return bytes;
}

std::optional<DocumentText> read_document_file(const std::string& path, DiagnosticSink& sink) {
  auto bytes = read_notice_bytes(path, sink);
  if (!bytes) return std::nullopt;
  return read_document(path, *bytes, sink);
}

} // namespace kaowu::import
