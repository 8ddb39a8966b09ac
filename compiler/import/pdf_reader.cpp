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
  double size; // the em, estimated from the word's width (see em_of)
};

// The em of a word's font, from its width: a CJK character is one em wide, a Latin letter or
// digit about half of one. Neither the box's height (the font's ascent and descent: 2.6 em in
// Noto CJK, 1.1 in SimSun) nor poppler's font size (Chromium's PDFs report twice the size, the
// rest being in the text matrix) measures it across producers.
double em_of(std::string_view utf8, double width) {
  double ems = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) ems += 0.55;
    else if (c >= 0xE0) ems += 1; // a three- or four-byte character: CJK, full-width forms
    else if (c >= 0xC0) ems += 0.6;
  }
  return ems > 0 ? width / ems : 0;
}

// A gap between two words of one line wider than this many em separates table
// cells (or columns set apart by spaces): words of a sentence sit a third of an em apart, a
// justified line's at most about one; cell padding makes 2 em or more.
constexpr double kCellGap = 1.5;
// A space is at least this wide (a Latin space is a quarter to a third of an em).
constexpr double kSpaceGap = 0.15;
// Two words are on one line when their baselines differ by less than this part of an em.
constexpr double kBaselineSlack = 0.5;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A word's box in the frame where its text reads left to right, top to bottom. poppler gives
// boxes as the page is shown: on a page turned by /Rotate (a landscape table in a portrait
// document, as Word and WPS save one) the text runs up (rotation 3 on a page turned by 90°),
// down (1, by 270°) or upside down (2; poppler says 0 on a page turned by 180°, see words_of);
// turning the box back keeps lines, columns and their order.
Word upright(std::string text, const poppler::rectf& r, int rotation, bool space_after) {
  switch (rotation) {
  case 1: return Word{std::move(text), -r.bottom(), -r.top(), r.left(), r.right(), space_after, 0};
  case 2: return Word{std::move(text), -r.right(), -r.left(), -r.bottom(), -r.top(), space_after, 0};
  case 3: return Word{std::move(text), r.top(), r.bottom(), -r.right(), -r.left(), space_after, 0};
  default: return Word{std::move(text), r.left(), r.right(), r.top(), r.bottom(), space_after, 0};
  }
}

std::vector<Word> words_of(const poppler::page& page) {
  std::vector<Word> words;
  bool upside_down = page.orientation() == poppler::page::upside_down;
  for (const poppler::text_box& box : page.text_list()) {
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (blank(text)) continue;
    poppler::rectf r = box.bbox();
    if (!(r.width() >= 0 && r.height() > 0 && std::isfinite(r.x()) && std::isfinite(r.y()))) continue;
    int rotation = box.rotation();
    if (upside_down && rotation % 2 == 0) rotation ^= 2;
    Word w = upright(std::move(text), r, rotation, box.has_space_after());
    w.size = em_of(w.text, w.right - w.left);
    if (!(w.size > 0 && std::isfinite(w.size))) w.size = (w.bottom - w.top) / 2;
    words.push_back(std::move(w));
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

struct Cell {
  std::string text;
  double left, right;
};

// A line of the page: its cells (one, unless it is a table row), where it sits, its em.
struct PageLine {
  std::vector<Cell> cells;
  double baseline, size;
};

// One line's words as cells: a gap wider than kCellGap em starts a new cell.
PageLine page_line(const std::vector<Word>& words) {
  PageLine line{{}, words.front().bottom, 0};
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    line.size = std::max(line.size, w.size);
    if (i == 0 || w.left - words[i - 1].right > kCellGap * std::max(words[i - 1].size, w.size)) {
      line.cells.push_back(Cell{w.text, w.left, w.right});
      continue;
    }
    // poppler marks a space after a word by the gap it sees; on turned pages it marks one
    // between the single characters of "12" too. A space narrower than kSpaceGap em is none.
    if (words[i - 1].space_after && w.left - words[i - 1].right > kSpaceGap * std::max(words[i - 1].size, w.size))
      line.cells.back().text += ' ';
    line.cells.back().text += w.text;
    line.cells.back().right = w.right;
  }
  return line;
}

// A cell's text wrapped onto more lines (a long date in a narrow column) leaves lines of one
// piece above or below its row (above too when the row's cells are centred vertically). Such a
// piece joins the row's cell when it sits in that cell's column (from the cell's left edge to the
// next cell's) and no further from the row, or from the piece joined before it, than
// kWrappedLine em: the spacing of lines in one cell, closer than a table's rows (with their
// padding and borders) or paragraphs sit.
constexpr double kWrappedLine = 1.6;

// The column of `row` that holds `piece`, or -1.
int column_of(const PageLine& row, const Cell& piece) {
  for (size_t k = 0; k < row.cells.size(); ++k) {
    double lo = row.cells[k].left - 0.5 * row.size;
    double hi = k + 1 < row.cells.size() ? row.cells[k + 1].left - 0.25 * row.size : HUGE_VAL;
    if (piece.left >= lo && piece.right <= hi) return static_cast<int>(k);
  }
  return -1;
}

// Joins wrapped pieces of text without a space, unless both sides are Latin letters or digits.
void join(std::string& before, const std::string& after) {
  auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!before.empty() && !after.empty() && alnum(before.back()) && alnum(after.front())) before += ' ';
  before += after;
}

// Moves the wrapped pieces of each row's cells into the row; returns which lines were moved.
std::vector<bool> join_wrapped_cells(std::vector<PageLine>& lines) {
  std::vector<bool> joined(lines.size(), false);
  auto piece = [&](size_t j) { return !joined[j] && lines[j].cells.size() == 1; };
  for (size_t i = 0; i < lines.size(); ++i) {
    PageLine& row = lines[i];
    if (row.cells.size() < 2) continue;
    double edge = row.baseline;
    for (size_t j = i; j-- > 0 && piece(j) && edge - lines[j].baseline <= kWrappedLine * row.size;) {
      int c = column_of(row, lines[j].cells[0]);
      if (c < 0) break;
      std::string text = lines[j].cells[0].text;
      join(text, row.cells[c].text);
      row.cells[c].text = std::move(text);
      joined[j] = true;
      edge = lines[j].baseline;
    }
    edge = row.baseline;
    for (size_t j = i + 1; j < lines.size() && piece(j) && lines[j].baseline - edge <= kWrappedLine * row.size; ++j) {
      int c = column_of(row, lines[j].cells[0]);
      if (c < 0) break;
      join(row.cells[c].text, lines[j].cells[0].text);
      joined[j] = true;
      edge = lines[j].baseline;
    }
  }
  return joined;
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
    std::vector<PageLine> lines;
    for (const auto& line : lines_of(std::move(words))) lines.push_back(page_line(line));
    std::vector<bool> joined = join_wrapped_cells(lines);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (joined[i]) continue;
      std::vector<std::string> cells;
      for (Cell& c : lines[i].cells) cells.push_back(std::move(c.text));
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
