#include "import/document_format.hpp"

#include <array>
#include <string>

namespace kaowu::import {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

FormatGuess unsupported(std::string en, std::string zh) { return FormatGuess{std::nullopt, Bilingual{std::move(en), std::move(zh)}}; }

} // namespace

std::string extension_of(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return lower(name.substr(dot + 1));
}

bool looks_like_html(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\t' || bytes.front() == '\r' || bytes.front() == '\n'))
    bytes.remove_prefix(1);
  if (bytes.empty() || bytes.front() != '<') return false;
  std::string head = lower(bytes.substr(0, 4096));
  static constexpr std::array<std::string_view, 10> kTags = {
      "<!doctype html", "<html", "<head", "<body", "<meta", "<p>", "<p ", "<div", "<table", "<br"};
  for (std::string_view tag : kTags)
    if (head.find(tag) != std::string::npos) return true;
  return false;
}

FormatGuess detect_format(std::string_view path, std::string_view bytes) {
  std::string ext = extension_of(path);
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, std::string_view("PK\x05\x06", 4)))
    return {DocumentFormat::docx, {}}; // the DOCX reader names other ZIPs (OFD, ODF, Excel)
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return {DocumentFormat::pdf, {}};
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return unsupported("a Word 97–2003 (.doc), WPS (.wps) or Excel (.xls) file, or a password-protected Office document",
                       "Word 97–2003（.doc）、WPS（.wps）或 Excel（.xls）文件，或设有密码的 Office 文档");
  if (starts_with(bytes, "{\\rtf")) return unsupported("an RTF document", "RTF 文档");
  if (starts_with(bytes, "\x89PNG") || starts_with(bytes, "\xFF\xD8\xFF") || starts_with(bytes, "GIF8") ||
      starts_with(bytes, std::string_view("II*\0", 4)) || starts_with(bytes, std::string_view("MM\0*", 4)))
    return unsupported("an image: kaowu does not read text in images", "图片：kaowu 不识别图片中的文字");
  if (looks_like_html(bytes)) return {DocumentFormat::html, {}};
  if (ext == "docx") return {DocumentFormat::docx, {}}; // not a ZIP: the reader says it is broken
  if (ext == "pdf") return {DocumentFormat::pdf, {}};
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return {DocumentFormat::html, {}};
  if (ext == "doc" || ext == "wps" || ext == "xls" || ext == "xlsx" || ext == "et" || ext == "ofd" ||
      ext == "odt" || ext == "pptx" || ext == "ppt")
    return unsupported("a ." + ext + " file", "." + ext + " 文件");
  bool utf16 = starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF");
  if (!utf16 && bytes.substr(0, 4096).find('\0') != std::string_view::npos)
    return unsupported("this binary file (it is no text, Word document, PDF or web page)",
                       "此二进制文件（不是文本、Word 文档、PDF 或网页）");
  if (ext == "md" || ext == "markdown") return {DocumentFormat::markdown, {}};
  return {DocumentFormat::text, {}};
}

} // namespace kaowu::import
