#include "render/html/qr_svg.hpp"

#include <qrencode.h>

#include "text/html_escape.hpp"

namespace kaowu {

std::string qr_svg(std::string_view text, std::string_view label) {
  std::string input(text);
  QRcode* code = QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == nullptr) return {};
  const int quiet = 4;
  const int width = code->width;
  const int size = width + 2 * quiet;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (!(code->data[y * width + x] & 1)) continue;
      // Merge horizontal runs of dark modules into one rectangle: a smaller file.
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
      path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h" +
              std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run - 1;
    }
  }
  QRcode_free(code);
  std::string s = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + s + " " + s +
         "\" role=\"img\" aria-label=\"" + html_escape(label) +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + s + "\" height=\"" + s +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

} // namespace kaowu
