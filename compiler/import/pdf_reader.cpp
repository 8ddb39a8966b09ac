// PDF notices from their text layer, through poppler-cpp (Debian's poppler, the engine of
// pdftotext and Evince, fuzzed by OSS-Fuzz). Its text boxes (words, with their bounding boxes)
// are put back in reading order here: grouped into lines by baseline, then left to right, so a
// table row whose cells sit on one baseline is one line, its cells joined by " | " where the
// gap between two boxes is wider than a column gap. A scan has no text layer: that is said.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "import/document_limits.hpp"
#include "import/document_lines.hpp"
#include "import/format_readers.hpp"

namespace kaowu::import {
namespace {

struct Word {
  std::string text;
  double left, right, top, bottom;
  bool space_after;
  double size; // the font size: boxes are as tall as the font's ascent and descent (2.6 em in Noto CJK)
};

// A gap between two words of one line wider than this many font sizes (em) separates table
// cells (or columns set apart by spaces): words of a sentence sit a third of an em apart, a
// justified line's at most about one; cell padding makes 2 em or more.
constexpr double kCellGap = 1.5;
// Two words are on one line when their baselines differ by less than this part of an em.
constexpr double kBaselineSlack = 0.5;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::vector<Word> words_of(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (blank(text)) continue;
    poppler::rectf r = box.bbox();
    if (!(r.width() >= 0 && r.height() > 0 && std::isfinite(r.x()) && std::isfinite(r.y()))) continue;
    double size = box.get_font_size();
    if (!(size > 0 && std::isfinite(size))) size = r.height() / 2;
    words.push_back(Word{std::move(text), r.left(), r.right(), r.top(), r.bottom(), box.has_space_after(), size});
  }
  return words;
}

// The lines of one page in reading order: words sorted by baseline (the bottom of their boxes,
// which all of one font share), a new line wherever it moves by more than kBaselineSlack em,
// each line sorted left to right.
std::vector<std::vector<Word>> lines_of(std::vector<Word> words) {
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.bottom < b.bottom; });
  std::vector<std::vector<Word>> lines;
  double baseline = 0, size = 0;
  for (Word& w : words) {
    if (lines.empty() || std::abs(w.bottom - baseline) > kBaselineSlack * std::max(size, w.size)) {
      lines.emplace_back();
      baseline = w.bottom;
      size = w.size;
    }
    lines.back().push_back(std::move(w));
  }
  for (auto& line : lines)
    std::stable_sort(line.begin(), line.end(), [](const Word& a, const Word& b) { return a.left < b.left; });
  return lines;
}

// One line's words as cells: a gap wider than kCellGap em starts a new cell.
std::vector<std::string> cells_of(const std::vector<Word>& line) {
  std::vector<std::string> cells(1);
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0) {
      const Word& prev = line[i - 1];
      double gap = line[i].left - prev.right;
      if (gap > kCellGap * std::max(prev.size, line[i].size)) cells.emplace_back();
      else if (prev.space_after) cells.back() += ' ';
    }
    cells.back() += line[i].text;
  }
  return cells;
}

std::string page_list(const std::vector<int>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) out += "–" + std::to_string(pages[j]);
    i = j;
  }
  return out;
}

void ignore_errors(const std::string&, void*) {}

} // namespace

ReadResult read_pdf(std::string_view bytes, DocumentText& doc, DiagnosticSink& sink) {
  auto broken = [&](std::string en, std::string zh) {
    sink.report_localized(DiagKind::import_pdf_broken, whole_file(doc.path), {std::move(en)}, {std::move(zh)});
    return ReadResult::reported;
  };
  size_t magic = bytes.substr(0, 1024).find("%PDF-");
  if (magic == std::string_view::npos)
    return broken("it does not start with %PDF-, so it is no PDF", "文件开头没有 %PDF-，不是 PDF 文件");
  // An interrupted download still opens (poppler rebuilds what it can) but lacks its last
  // pages: a PDF ends with %%EOF, give or take a line break and some padding.
  std::string_view tail = bytes.substr(bytes.size() > 2048 ? bytes.size() - 2048 : 0);
  if (tail.find("%%EOF") == std::string_view::npos) {
    sink.report(DiagKind::import_pdf_truncated, whole_file(doc.path));
    return ReadResult::reported;
  }
  poppler::set_debug_error_function(ignore_errors, nullptr);
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data() + magic, static_cast<int>(bytes.size() - magic)));
  if (!pdf) return broken("poppler finds no document in it", "poppler 无法从中读出文档");
  if (pdf->is_locked()) {
    sink.report(DiagKind::import_pdf_encrypted, whole_file(doc.path));
    return ReadResult::reported;
  }
  int pages = pdf->pages();
  if (pages <= 0) return broken("it has no pages", "其中没有页面");
  if (pages > kMaxPdfPages) return ReadResult::too_much_text;
  LineCollector out(doc.lines);
  std::vector<int> without_text;
  int number = 0;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (p > 0) ++number; // the page break is a line of its own
    std::vector<Word> words = page ? words_of(*page) : std::vector<Word>{};
    if (words.empty()) {
      without_text.push_back(p + 1);
      continue;
    }
    for (const auto& line : lines_of(std::move(words))) {
      std::vector<std::string> cells = cells_of(line);
      if (!(cells.size() == 1 ? out.add(tidy_line(cells[0], true), ++number, p + 1) : out.add_row(cells, ++number, p + 1)))
        return ReadResult::too_much_text;
    }
  }
  if (static_cast<int>(without_text.size()) == pages) {
    sink.report(DiagKind::import_pdf_no_text, whole_file(doc.path), {std::to_string(pages)});
    return ReadResult::reported;
  }
  if (!without_text.empty())
    sink.report(DiagKind::import_pdf_pages_without_text, whole_file(doc.path), {page_list(without_text)});
  doc.encoding = "UTF-8";
  return ReadResult::ok;
}

} // namespace kaowu::import
