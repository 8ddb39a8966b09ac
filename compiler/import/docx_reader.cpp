// Word documents (.docx) from their own XML: word/document.xml read out of the ZIP with libzip
// (Debian's libzip, which checks each entry's CRC and reads from memory) and parsed with pugixml
// (small, non-recursive, no DTDs or external entities, so nothing in the file reaches the
// network or the disk). Headers, footers, footnotes and comments are other parts: not read.
#include <cstring>
#include <memory>
#include <string>

#include <pugixml.hpp>
#include <zip.h>

#include "import/document_limits.hpp"
#include "import/document_lines.hpp"
#include "import/format_readers.hpp"

namespace kaowu::import {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

void report_broken(DiagnosticSink& sink, const std::string& path, const std::string& reason) {
  sink.report_localized(DiagKind::import_docx_broken, whole_file(path), {reason}, {"文件结构损坏（" + reason + "）"});
}

enum class Unpacked { ok, missing, too_large, broken };

// Reads entry `name` into `out`, at most kMaxUnpackedBytes whatever its header says.
Unpacked unpack(zip_t* zip, const char* name, std::string& out, std::string& reason) {
  zip_int64_t index = zip_name_locate(zip, name, ZIP_FL_NOCASE);
  if (index < 0) return Unpacked::missing;
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    reason = zip_strerror(zip);
    return Unpacked::broken;
  }
  char buffer[1 << 16];
  while (true) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) {
      reason = zip_file_strerror(file.get());
      return Unpacked::broken;
    }
    if (n == 0) return Unpacked::ok;
    if (out.size() + static_cast<size_t>(n) > kMaxUnpackedBytes) return Unpacked::too_large;
    out.append(buffer, static_cast<size_t>(n));
  }
}

// The element's name without its namespace prefix (w:p -> p): Word writes w:, others may not.
std::string_view local(const pugi::xml_node& n) {
  std::string_view name = n.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Whether a table row is set for layout, not data (kMaxRowBytes): a table inside it, or more
// text than a row holds. Stops as soon as it knows.
bool layout_row(const pugi::xml_node& tr) {
  size_t bytes = 0;
  pugi::xml_node n = tr.first_child();
  // Depth first, without recursion: down, else along, else up (never above `tr`) and along.
  while (n) {
    if (n.type() == pugi::node_element && local(n) == "tbl") return true;
    if (n.type() == pugi::node_pcdata) {
      bytes += std::strlen(n.value());
      if (bytes > kMaxRowBytes) return true;
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != tr && !n.next_sibling()) n = n.parent();
    if (n == tr) return false;
    n = n.next_sibling();
  }
  return false;
}

class DocxWalker {
public:
  explicit DocxWalker(BlockText& lines) : lines_(lines) {}

  bool walk(const pugi::xml_node& parent, int depth) {
    if (depth > kMaxNesting) return false;
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = local(n);
      if (name == "t") {
        lines_.text(n.text().get());
      } else if (name == "tab" || name == "ptab") {
        lines_.text(" ");
      } else if (name == "br" || name == "cr") {
        lines_.line_break();
      } else if (name == "noBreakHyphen") {
        lines_.text("-");
      } else if (name == "del" || name == "moveFrom" || name == "instrText" || name == "delText" || name == "rPr" ||
                 name == "pPr" || name == "tblPr" || name == "trPr" || name == "tcPr" || name == "sectPr" ||
                 name == "Fallback") {
        // deleted text, field codes, formatting, and the copy of a text box an old Word reads
      } else if (name == "p") {
        lines_.block_boundary();
        if (!walk(n, depth + 1)) return false;
        lines_.block_boundary();
      } else if (name == "tr" && !lines_.in_row() && layout_row(n)) {
        // A layout row: its cells' paragraphs are read as paragraphs.
        lines_.block_boundary();
        if (!walk(n, depth + 1)) return false;
        lines_.block_boundary();
      } else if (name == "tr") {
        lines_.begin_row();
        if (!walk(n, depth + 1)) return false;
        lines_.end_row();
      } else if (name == "tc") {
        lines_.begin_cell();
        if (!walk(n, depth + 1)) return false;
      } else if (!walk(n, depth + 1)) { // runs, tables, hyperlinks, insertions, content controls…
        return false;
      }
    }
    return true;
  }

private:
  BlockText& lines_;
};

// Names the kind of ZIP that is not a Word document, when it is a known one.
bool report_other_zip(zip_t* zip, const std::string& path, DiagnosticSink& sink) {
  struct Known {
    const char* entry;
    const char* en;
    const char* zh;
  };
  static constexpr Known kKnown[] = {
      {"OFD.xml", "an OFD document (the format of China's electronic official documents)", "OFD 版式文档"},
      {"xl/workbook.xml", "an Excel workbook (.xlsx)", "Excel 工作簿（.xlsx）"},
      {"ppt/presentation.xml", "a PowerPoint presentation (.pptx)", "PowerPoint 演示文稿（.pptx）"},
      {"content.xml", "an OpenDocument file (.odt, .ods)", "OpenDocument 文档（.odt、.ods）"},
  };
  for (const Known& k : kKnown)
    if (zip_name_locate(zip, k.entry, ZIP_FL_NOCASE) >= 0) {
      sink.report_localized(DiagKind::import_unsupported_format, whole_file(path), {k.en}, {k.zh});
      return true;
    }
  return false;
}

} // namespace

ReadResult read_docx(std::string_view bytes, DocumentText& doc, DiagnosticSink& sink) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  Zip zip(source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip) {
    if (source != nullptr) zip_source_free(source);
    report_broken(sink, doc.path, zip_error_strerror(&error));
    zip_error_fini(&error);
    return ReadResult::reported;
  }
  zip_error_fini(&error);
  std::string xml, reason;
  switch (unpack(zip.get(), "word/document.xml", xml, reason)) {
  case Unpacked::ok: break;
  case Unpacked::missing:
    if (!report_other_zip(zip.get(), doc.path, sink)) sink.report(DiagKind::import_docx_no_body, whole_file(doc.path));
    return ReadResult::reported;
  case Unpacked::too_large:
    sink.report(DiagKind::import_unpacked_too_large, whole_file(doc.path),
                {"word/document.xml", std::to_string(megabytes(kMaxUnpackedBytes))});
    return ReadResult::reported;
  case Unpacked::broken: report_broken(sink, doc.path, reason); return ReadResult::reported;
  }
  pugi::xml_document parsed;
  pugi::xml_parse_result result =
      parsed.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  if (!result) {
    sink.report(DiagKind::import_docx_xml, whole_file(doc.path), {result.description(), std::to_string(result.offset)});
    return ReadResult::reported;
  }
  LineCollector out(doc.lines);
  BlockText lines(out, false);
  DocxWalker walker(lines);
  pugi::xml_node body = parsed.document_element();
  if (!walker.walk(body, 0)) {
    sink.report(DiagKind::import_too_deep, whole_file(doc.path), {std::to_string(kMaxNesting)});
    return ReadResult::reported;
  }
  return lines.finish() ? ReadResult::ok : ReadResult::too_much_text;
}

} // namespace kaowu::import
