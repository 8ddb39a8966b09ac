#pragma once
// The encoding of a notice's bytes. Centres save notices as UTF-8 or as GBK (GB2312's
// extension, the default of Chinese Windows and of many sites' CMSs), and Notepad's "Unicode"
// is UTF-16: valid UTF-8 is taken as UTF-8, a UTF-16 byte-order mark as UTF-16, anything else
// is decoded as GB18030, the national standard that contains GBK and GB2312 byte for byte.
#include <optional>
#include <string>
#include <string_view>

#include "diag/sink.hpp"

namespace kaowu::import {

struct DecodedText {
  std::string utf8;     // without a byte-order mark
  std::string encoding; // "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE" or a declared name
};

// Decodes `bytes` as described above. Bytes that no encoding reads are reported to `sink` at
// their line and column in `path` (KW0540; KW0541 when the text is UTF-8 but for a few bytes).
std::optional<DecodedText> decode_text(std::string_view bytes, const std::string& path, DiagnosticSink& sink);

// Decodes `bytes` from the encoding an HTML page declares (`charset`, as written: "gb2312",
// "GBK", "utf-8"…). GB2312 and GBK are read as GB18030 (pages that declare GB2312 use GBK's
// characters too). Reports a name iconv does not know (KW0552) or bytes it cannot decode.
std::optional<DecodedText> decode_declared(std::string_view bytes, std::string_view charset,
                                           const std::string& path, DiagnosticSink& sink);

// Whether `bytes` are valid UTF-8 (a byte-order mark allowed).
bool is_utf8(std::string_view bytes);

} // namespace kaowu::import
