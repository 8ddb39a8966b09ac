#include "import/text_encoding.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <iconv.h>

#include "load/input_limits.hpp"
#include "load/utf8.hpp"

// glibc's iconv rather than ICU: it is part of the C library (no new dependency), its GB18030
// table is the full 2005 mapping (four-byte sequences included), and on a byte it cannot read it
// stops there, which gives the diagnostic its line and column.

namespace kaowu::import {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string hex_byte(char c) {
  char hex[4];
  std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(c));
  return hex;
}

// Line and column of byte `offset` of GB18030 text: the line counts '\n' bytes (no GB18030
// character has 0x0A among its bytes), the column counts the characters of the line decoded
// before the offset (the end of `decoded`).
Location location_in(std::string_view bytes, size_t offset, const std::string& path, std::string_view decoded) {
  Location loc{path, 1, 1, 0};
  for (size_t i = 0; i < offset && i < bytes.size(); ++i)
    if (bytes[i] == '\n') ++loc.line;
  size_t line_start = decoded.rfind('\n');
  std::string_view last = line_start == std::string_view::npos ? decoded : decoded.substr(line_start + 1);
  loc.column = static_cast<uint32_t>(code_points(last) + 1);
  return loc;
}

struct Converted {
  std::string utf8;
  std::optional<size_t> bad; // byte offset where conversion stopped
};

// Converts all of `bytes` from `from` to UTF-8; nothing when iconv does not know `from`.
std::optional<Converted> convert(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  Converted out;
  out.utf8.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t written = 0;
  while (in_left > 0) {
    char* dst = out.utf8.data() + written;
    size_t dst_left = out.utf8.size() - written;
    size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    written = static_cast<size_t>(dst - out.utf8.data());
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.utf8.resize(out.utf8.size() * 2);
      continue;
    }
    out.bad = static_cast<size_t>(in - bytes.data()); // EILSEQ, or EINVAL: cut off at the end
    break;
  }
  iconv_close(cd);
  out.utf8.resize(written);
  return out;
}

// How many non-ASCII sequences of `bytes` are valid UTF-8 and how many bytes are not.
struct Utf8Census {
  size_t valid = 0, invalid = 0;
};

Utf8Census census(std::string_view bytes) {
  Utf8Census c;
  size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = 0;
    unsigned char b = static_cast<unsigned char>(bytes[i]);
    n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n > 0 && i + n <= bytes.size() && !first_invalid_utf8(bytes.substr(i, n))) {
      ++c.valid;
      i += n;
    } else {
      ++c.invalid;
      ++i;
    }
  }
  return c;
}

// iconv without `charset` (a C library other than glibc may lack GB18030 or UTF-16).
std::nullopt_t unknown_charset(std::string_view charset, const std::string& path, DiagnosticSink& sink) {
  sink.report_localized(DiagKind::import_unknown_charset, Location{path, 0, 0, 0},
                        {std::string(charset), "iconv does not know this encoding"},
                        {std::string(charset), "iconv 不支持此编码"});
  return std::nullopt;
}

std::optional<DecodedText> from_utf16(std::string_view bytes, const char* name, const std::string& path,
                                      DiagnosticSink& sink) {
  auto converted = convert(bytes.substr(2), name);
  if (!converted) return unknown_charset(name, path, sink);
  if (converted->bad) {
    std::string_view decoded = converted->utf8;
    Location loc{path, 1, 1, 0};
    size_t line_start = 0;
    for (size_t i = 0; i < decoded.size(); ++i)
      if (decoded[i] == '\n') ++loc.line, line_start = i + 1;
    loc.column = static_cast<uint32_t>(code_points(decoded.substr(line_start)) + 1);
    sink.report(DiagKind::import_not_text, loc, {hex_byte(bytes[2 + *converted->bad])});
    return std::nullopt;
  }
  return DecodedText{std::move(converted->utf8), name};
}

} // namespace

bool is_utf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
  return !first_invalid_utf8(bytes);
}

std::optional<DecodedText> decode_text(std::string_view bytes, const std::string& path, DiagnosticSink& sink) {
  if (bytes.substr(0, 2) == "\xFF\xFE") return from_utf16(bytes, "UTF-16LE", path, sink);
  if (bytes.substr(0, 2) == "\xFE\xFF") return from_utf16(bytes, "UTF-16BE", path, sink);
  bool bom = bytes.substr(0, 3) == kUtf8Bom;
  std::string_view text = bom ? bytes.substr(3) : bytes;
  auto bad = first_invalid_utf8(text);
  if (!bad) return DecodedText{std::string(text), "UTF-8"};
  // A UTF-8 file with a damaged byte or two is not GBK: GBK text is mostly invalid as UTF-8
  // (about one character in four happens to form a valid sequence), so a file whose non-ASCII
  // text is nine parts in ten valid UTF-8, or that says it is with a BOM, is UTF-8 and damaged.
  Utf8Census c = census(text);
  if (bom || c.valid >= 9 * c.invalid) {
    sink.report(DiagKind::import_damaged_utf8, location_at(text, *bad, path), {hex_byte(text[*bad])});
    return std::nullopt;
  }
  auto converted = convert(bytes, "GB18030");
  if (!converted) return unknown_charset("GB18030", path, sink);
  if (converted->bad) {
    size_t at = *converted->bad;
    sink.report(DiagKind::import_not_text, location_in(bytes, at, path, converted->utf8), {hex_byte(bytes[at])});
    return std::nullopt;
  }
  return DecodedText{std::move(converted->utf8), "GB18030"};
}

std::optional<DecodedText> decode_declared(std::string_view bytes, std::string_view charset,
                                           const std::string& path, DiagnosticSink& sink) {
  std::string name;
  for (char c : charset)
    if (c != ' ' && c != '"' && c != '\'') name += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  // A page that says UTF-8 but is not has a wrong declaration more often than wrong bytes, and
  // a page saved as UTF-8 by a browser keeps its old GBK declaration: the bytes decide.
  if (name == "UTF-8" || name == "UTF8" || name.empty()) return decode_text(bytes, path, sink);
  if (name == "GB2312" || name == "GBK" || name == "GB18030" || name == "CP936" || name == "X-GBK" ||
      name == "EUC-CN")
    return decode_text(bytes, path, sink);
  if (is_utf8(bytes)) return decode_text(bytes, path, sink);
  auto converted = convert(bytes, name.c_str());
  if (!converted) return unknown_charset(charset, path, sink);
  if (converted->bad) {
    size_t at = *converted->bad;
    sink.report_localized(DiagKind::import_unknown_charset, location_in(bytes, at, path, converted->utf8),
                          {std::string(charset), "byte 0x" + hex_byte(bytes[at]) + " is not in it"},
                          {std::string(charset), "字节 0x" + hex_byte(bytes[at]) + " 不属于该编码"});
    return std::nullopt;
  }
  return DecodedText{std::move(converted->utf8), name};
}

} // namespace kaowu::import
