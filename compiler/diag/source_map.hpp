#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kaowu {

// The text of every file read in a run, so printers can quote the offending line. Not for
// several threads: lines are indexed when first asked for.
class SourceMap {
public:
  void add(const std::string& path, std::string text);
  // Moves every file of `other` here (the two read different files).
  void absorb(SourceMap&& other);
  // The file's text ends with `tail`, which its owner keeps (a notice's body, held by the
  // Notice): the map lets its own copy of those bytes go and reads them there, so a national
  // site's notices are held once. `tail` must outlive the map; when it does not start a line of
  // the file, nothing changes.
  void borrow_tail(const std::string& path, std::string_view tail);
  // The 1-based line of a file without its line ending, or empty.
  std::string_view line(const std::string& path, unsigned line) const;

private:
  struct File {
    std::string head;      // the text, or the part of it before `tail`
    std::string_view tail; // the rest, held elsewhere
    mutable std::vector<size_t> line_starts; // byte offset of each line; made on the first lookup
  };
  std::map<std::string, File> files_;
};

// How many terminal columns a UTF-8 string takes: CJK and full-width characters take two.
size_t display_width(std::string_view utf8);
// The byte offset of the code point at 1-based column `column` in a UTF-8 line.
size_t byte_offset_of_column(std::string_view utf8, unsigned column);

} // namespace kaowu
