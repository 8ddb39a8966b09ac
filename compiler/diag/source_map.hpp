#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kaowu {

// The text of every file read in a run, so printers can quote the offending line.
class SourceMap {
public:
  void add(const std::string& path, std::string text);
  // The 1-based line of a file without its line ending, or empty.
  std::string_view line(const std::string& path, unsigned line) const;

private:
  struct File {
    std::string text;
    std::vector<size_t> line_starts; // byte offset of each line, so a lookup is not a scan
  };
  std::map<std::string, File> files_;
};

// How many terminal columns a UTF-8 string takes: CJK and full-width characters take two.
size_t display_width(std::string_view utf8);
// The byte offset of the code point at 1-based column `column` in a UTF-8 line.
size_t byte_offset_of_column(std::string_view utf8, unsigned column);

} // namespace kaowu
