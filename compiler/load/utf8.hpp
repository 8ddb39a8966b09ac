#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace kaowu {

// The byte offset of the first byte that makes `text` invalid UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF included), or nothing when it is valid.
std::optional<size_t> first_invalid_utf8(std::string_view text);

} // namespace kaowu
