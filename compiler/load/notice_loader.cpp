#include "load/notice_loader.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/reader.hpp"
#include "load/utf8.hpp"

namespace kaowu {
namespace fs = std::filesystem;

namespace {

// The line [pos, end of line) without its line ending, and where the next line starts.
std::string_view line_at(std::string_view text, size_t pos, size_t& next) {
  size_t end = text.find('\n', pos);
  next = end == std::string_view::npos ? text.size() : end + 1;
  std::string_view line = text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "+++";
}

} // namespace

std::optional<Notice> parse_notice(std::string_view text, const std::string& path,
                                   const std::string& calendar_id, const std::string& slug,
                                   DiagnosticSink& sink) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto bad = first_invalid_utf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(text[*bad]));
    uint32_t line = static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(*bad), '\n')) + 1;
    sink.report(DiagKind::invalid_utf8, Location{path, line, 1, 0}, {hex});
    return std::nullopt;
  }
  size_t next = 0;
  if (!is_fence(line_at(text, 0, next))) {
    sink.report(DiagKind::notice_front_matter, Location{path, 1, 1, 0});
    return std::nullopt;
  }
  // Find the closing fence; count lines so the body keeps its place in the file.
  size_t front_start = next, pos = next;
  uint32_t line_no = 2;
  std::optional<size_t> front_end;
  while (pos < text.size()) {
    size_t after = 0;
    if (is_fence(line_at(text, pos, after))) {
      front_end = pos;
      pos = after;
      ++line_no;
      break;
    }
    pos = after;
    ++line_no;
  }
  if (!front_end) {
    sink.report(DiagKind::notice_front_matter, Location{path, 1, 1, 0});
    return std::nullopt;
  }
  // One leading newline keeps toml++'s line numbers equal to the file's.
  std::string front = "\n" + std::string(text.substr(front_start, *front_end - front_start));
  toml::table root;
  try {
    root = toml::parse(std::string_view(front), std::string_view(path));
  } catch (const toml::parse_error& e) {
    Location loc = location_of(e.source());
    if (loc.file.empty()) loc.file = path;
    loc.end_column = 0;
    sink.report(DiagKind::toml_syntax, loc, {std::string(e.description())});
    return std::nullopt;
  }
  Notice n;
  n.calendar_id = calendar_id;
  n.slug = slug;
  n.file = path;
  n.loc = Location{path, 1, 1, 0};
  size_t errors_before = sink.error_count();
  TableReader reader(root, Bilingual{"the notice's front matter", "通知文件头"}, sink);
  if (auto t = reader.text("title", TableReader::required)) n.title = *t;
  n.date = reader.date("date", TableReader::required);
  if (auto d = reader.text("document")) n.document = d->value;
  reader.finish();
  if (!is_valid_id(slug))
    sink.report(DiagKind::invalid_id, Location{path, 0, 0, 0}, {slug});
  if (sink.error_count() > errors_before) return std::nullopt;
  n.body = std::string(text.substr(std::min(pos, text.size())));
  n.body_line = line_no;
  return n;
}

std::vector<Notice> load_notices(const std::string& notices_dir, DiagnosticSink& sink,
                                 SourceMap& sources) {
  std::vector<Notice> out;
  std::error_code ec;
  if (notices_dir.empty() || !fs::is_directory(notices_dir, ec)) return out;
  std::vector<fs::path> files;
  for (fs::directory_iterator dir(notices_dir, ec), end; !ec && dir != end; dir.increment(ec)) {
    if (!dir->is_directory(ec)) continue;
    std::error_code ec2;
    for (fs::directory_iterator it(dir->path(), ec2), e2; !ec2 && it != e2; it.increment(ec2))
      if (it->is_regular_file(ec2) && it->path().extension() == ".md") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::string shown = p.lexically_normal().generic_string();
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      sink.report(DiagKind::io_error, Location{shown, 0, 0, 0}, {"cannot read '" + shown + "'"});
      continue;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    sources.add(shown, text);
    auto notice = parse_notice(text, shown, p.parent_path().filename().string(), p.stem().string(), sink);
    if (notice) out.push_back(std::move(*notice));
  }
  return out;
}

} // namespace kaowu
