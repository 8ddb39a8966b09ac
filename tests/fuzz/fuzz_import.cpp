// libFuzzer target over read_document(), the readers of `kaowu import`: the first byte of an
// input picks the name it is read under (so the extension rules are reached too), the rest are
// the bytes. Besides crashes, hangs and sanitizer reports, it traps on a result that breaks the
// readers' promise: lines that are not valid UTF-8, empty or untrimmed, numbered below 1 or out
// of order; a document returned with an error reported, or none returned without one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "import/document_text.hpp"
#include "load/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kNames[] = {"n.txt", "n.md", "n.html", "n.docx", "n.pdf", "n.doc", "n"};
  std::string path = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  kaowu::DiagnosticSink sink;
  auto doc = kaowu::import::read_document(path, bytes, sink);
  if (doc.has_value() == sink.has_errors()) __builtin_trap();
  if (!doc) return 0;
  int last = 0;
  for (const auto& line : doc->lines) {
    if (line.text.empty() || kaowu::first_invalid_utf8(line.text)) __builtin_trap();
    if (line.text.front() == ' ' || line.text.back() == ' ') __builtin_trap();
    if (line.number < 1 || (doc->format != kaowu::import::DocumentFormat::html && line.number <= last)) __builtin_trap();
    last = line.number;
  }
  return 0;
}
