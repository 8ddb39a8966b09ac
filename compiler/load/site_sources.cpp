#include "load/site_sources.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/notice_loader.hpp"

namespace kaowu {
namespace fs = std::filesystem;

namespace {
bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = buf.str();
  return true;
}
} // namespace

SiteSources load_site_sources(const std::string& templates_dir, const std::string& notices_dir,
                              const std::string& base_url, DiagnosticSink& sink, SourceMap& sources) {
  SiteSources site;
  site.templates_dir = templates_dir;
  site.notices_dir = notices_dir;
  site.base_url = base_url;
  std::error_code ec;
  fs::path static_root = fs::path(templates_dir) / "static";
  if (fs::is_directory(static_root, ec)) {
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(static_root, ec), end; !ec && it != end; it.increment(ec)) {
      // Hidden entries (.gitkeep, .DS_Store, .git/) are not part of the site; publishing one
      // would be refused and fail the build. .htaccess and .well-known/ are published.
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.' && name != ".htaccess" && name != ".well-known") {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      StaticFile f;
      f.path = p.lexically_relative(static_root).generic_string();
      if (!read_file(p, f.bytes)) {
        sink.report(DiagKind::io_error, Location{p.generic_string(), 0, 0, 0}, {"cannot read '" + p.generic_string() + "'"});
        continue;
      }
      site.static_files.push_back(std::move(f));
    }
  }
  if (fs::is_directory(templates_dir, ec)) {
    std::vector<fs::path> files;
    for (fs::directory_iterator it(templates_dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".mustache") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::string text;
      std::string shown = p.lexically_normal().generic_string();
      if (!read_file(p, text)) {
        sink.report(DiagKind::io_error, Location{shown, 0, 0, 0}, {"cannot read '" + shown + "'"});
        continue;
      }
      std::string name = p.filename().string();
      site.templates[name] = text;
      site.template_paths[name] = shown;
      sources.add(shown, std::move(text));
    }
  }
  site.notices = load_notices(notices_dir, sink, sources);
  return site;
}

} // namespace kaowu
