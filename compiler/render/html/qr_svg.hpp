#pragma once
#include <string>
#include <string_view>

namespace kaowu {

// A QR code of `text` as an inline SVG (one <path>, 4-module quiet zone, error correction M),
// labelled for screen readers with `label`. Empty when the text cannot be encoded.
std::string qr_svg(std::string_view text, std::string_view label);

} // namespace kaowu
