#include "load/site_sources.hpp"

#include "load/notice_loader.hpp"
#include "load/tree_walk.hpp"

namespace kaowu {

namespace {
// .htaccess and .well-known/ are part of a site; other hidden entries (.gitkeep, .DS_Store,
// .git/) are not, and publishing one would be refused.
bool published_hidden(const std::string& name) { return name == ".htaccess" || name == ".well-known"; }

void load_static(const SourceTree& tree, SiteSources& site, DiagnosticSink& sink) {
  if (tree.type("static") != EntryType::directory) return;
  std::vector<std::string> files;
  walk_tree(tree, "static", sink, [&](const std::string& path, const TreeEntry& e, int) {
    if (e.type == EntryType::file) files.push_back(path);
    return true;
  }, published_hidden);
  for (const std::string& path : files)
    if (auto bytes = read_source(tree, path, kMaxStaticBytes, sink))
      site.static_files.push_back(StaticFile{path.substr(std::string("static/").size()), std::move(*bytes)});
}

void load_templates(const SourceTree& tree, SiteSources& site, DiagnosticSink& sink, SourceMap& sources) {
  walk_tree(tree, "", sink, [&](const std::string& path, const TreeEntry& e, int) {
    if (e.type == EntryType::directory) return false; // static/ is read on its own
    if (ends_with(e.name, ".mustache")) {
      if (auto text = read_source(tree, path, kMaxTemplateBytes, sink)) {
        std::string shown = tree.display(path);
        sources.add(shown, *text);
        site.templates[e.name] = TemplateSource{e.name, std::move(*text), shown};
      }
    } else if (near_miss(e.name, ".mustache")) {
      sink.report_localized(DiagKind::ignored_file, Location{tree.display(path), 0, 0, 0},
                            {tree.display(path), "templates are read from templates/*.mustache"},
                            {tree.display(path), "只读取 templates/ 下以 .mustache 结尾的模板"});
    }
    return false;
  });
}
} // namespace

SiteSources load_site_sources(const SourceTree& templates, const SourceTree* notices, DiagnosticSink& sink,
                              SourceMap& sources) {
  SiteSources site;
  site.templates_root = templates.display_root();
  if (templates.type("") == EntryType::directory) {
    load_static(templates, site, sink);
    load_templates(templates, site, sink, sources);
  }
  if (notices) site.notices = load_notices(*notices, sink, sources);
  return site;
}

} // namespace kaowu
