#include "bind/template_library.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <tuple>

namespace kaowu {

Location location_in(const std::string& text, size_t offset, const std::string& file) {
  offset = std::min(offset, text.size());
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return Location{file, line, column, 0};
}

Location PageTemplate::locate(size_t offset) const {
  auto it = std::upper_bound(spans.begin(), spans.end(), offset, [](size_t o, const Span& s) { return o < s.at; });
  if (it == spans.begin()) return Location{};
  --it;
  return location_in(it->source->text, it->source_offset + (offset - it->at), it->source->display);
}

namespace {

// One Mustache tag: {{name}}, {{{name}}}, {{#name}}, {{/name}}, {{> name}}, {{! comment}} …
struct Tag {
  size_t begin = 0, end = 0; // [begin, end) in the text, braces included
  char kind = 'v';           // v (variable), '{', '&', '#', '^', '/', '>', '=', '!'
  std::string name;          // trimmed
};

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// The tags of `text`, in one pass. Stops at a tag that is never closed: the Mustache parser
// reports it with its position.
std::vector<Tag> scan_tags(const std::string& text) {
  std::vector<Tag> tags;
  size_t i = 0;
  while ((i = text.find("{{", i)) != std::string::npos) {
    Tag t;
    t.begin = i;
    bool triple = text.compare(i, 3, "{{{") == 0;
    size_t body = i + (triple ? 3 : 2);
    const char* close = triple ? "}}}" : "}}";
    size_t end = text.find(close, body);
    if (end == std::string::npos) break;
    t.end = end + (triple ? 3 : 2);
    std::string_view inner(text.data() + body, end - body);
    if (triple) t.kind = '{';
    else if (!inner.empty() && std::string_view("&#^/>=!").find(inner.front()) != std::string_view::npos) {
      t.kind = inner.front();
      inner.remove_prefix(1);
    }
    if (t.kind == '=' && !inner.empty() && inner.back() == '=') inner.remove_suffix(1);
    t.name = trim(inner);
    i = t.end;
    tags.push_back(std::move(t));
  }
  return tags;
}

// kainjow ends its messages with " at <offset>" ("Unclosed section \"x\" at 120").
std::optional<size_t> error_offset(const std::string& message) {
  size_t at = message.rfind(" at ");
  if (at == std::string::npos || at + 4 >= message.size()) return std::nullopt;
  std::string digits = message.substr(at + 4);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return static_cast<size_t>(std::strtoull(digits.c_str(), nullptr, 10));
}

class Expander {
public:
  Expander(const SiteSources& site, DiagnosticSink& sink) : site_(site), sink_(sink) {}

  // A problem reported once, however many pages include the partial it is in.
  void report(DiagKind kind, const Location& loc, std::vector<std::string> args) {
    if (reported_.insert(std::make_tuple(loc.file, loc.line, loc.column, static_cast<int>(kind))).second)
      sink_.report(kind, loc, std::move(args));
  }
  void too_deep(const Location& loc, bool partials, size_t limit) {
    if (reported_.insert(std::make_tuple(loc.file, loc.line, loc.column, static_cast<int>(DiagKind::template_too_deep))).second)
      sink_.report_localized(DiagKind::template_too_deep, loc, {partials ? "partials" : "sections", std::to_string(limit)},
                             {partials ? "局部模板" : "节", std::to_string(limit)});
  }

  // Writes `src` into `out` with its partials expanded. Returns false when the page cannot be
  // used (the problem is reported).
  bool expand(const TemplateSource& src, std::vector<const TemplateSource*>& stack, PageTemplate& out) {
    stack.push_back(&src);
    bool ok = true;
    size_t copied = 0;
    auto copy = [&](size_t to) {
      if (to <= copied) return;
      out.spans.push_back(PageTemplate::Span{out.text.size(), &src, copied});
      out.text.append(src.text, copied, to - copied);
      copied = to;
    };
    for (const Tag& tag : scan_tags(src.text)) {
      if (tag.kind == '=') {
        report(DiagKind::template_delimiters, location_in(src.text, tag.begin, src.display), {});
        ok = false;
        continue;
      }
      if (tag.kind != '>') continue;
      copy(tag.begin);
      copied = tag.end;
      Location at = location_in(src.text, tag.begin, src.display);
      auto partial = site_.templates.find(tag.name + ".mustache");
      if (partial == site_.templates.end()) {
        report(DiagKind::template_error, at, {"no partial '" + tag.name + "' (templates/" + tag.name + ".mustache)"});
        ok = false;
        continue;
      }
      auto cycle = std::find(stack.begin(), stack.end(), &partial->second);
      if (cycle != stack.end()) {
        std::string chain;
        for (auto it = cycle; it != stack.end(); ++it) chain += stem((*it)->name) + " → ";
        report(DiagKind::template_partial_cycle, at, {tag.name, chain + tag.name});
        ok = false;
        continue;
      }
      if (stack.size() > kMaxPartialDepth) {
        too_deep(at, true, kMaxPartialDepth);
        ok = false;
        continue;
      }
      if (!expand(partial->second, stack, out)) ok = false;
      if (out.text.size() > kMaxExpandedTemplateBytes) {
        if (!overflow_) overflow_ = at; // the include that passed the bound, innermost first
        break;
      }
    }
    copy(src.text.size());
    stack.pop_back();
    return ok;
  }

  // Where the expansion of the current template passed kMaxExpandedTemplateBytes, if it did.
  std::optional<Location> overflow_;

  static std::string stem(const std::string& file) { return file.substr(0, file.rfind(".mustache")); }

  bool check_sections(const PageTemplate& page) {
    std::vector<const Tag*> open;
    std::vector<Tag> tags = scan_tags(page.text);
    for (const Tag& tag : tags) {
      if (tag.kind == '#' || tag.kind == '^') {
        open.push_back(&tag);
        if (open.size() > kMaxSectionDepth) {
          too_deep(page.locate(tag.begin), false, kMaxSectionDepth);
          return false;
        }
      } else if (tag.kind == '/' && !open.empty()) {
        open.pop_back(); // a mismatched close is the Mustache parser's to report
      }
    }
    return true;
  }

  bool parse(PageTemplate& page) {
    auto parsed = std::make_shared<kainjow::mustache::mustache>(page.text);
    if (!parsed->is_valid()) {
      std::string message = parsed->error_message();
      Location loc = page.spans.empty() ? Location{} : Location{page.spans.front().source->display, 0, 0, 0};
      if (auto offset = error_offset(message)) {
        loc = page.locate(*offset);
        message = message.substr(0, message.rfind(" at "));
      }
      report(DiagKind::template_error, loc, {message});
      return false;
    }
    page.parsed = std::move(parsed);
    return true;
  }

private:
  const SiteSources& site_;
  DiagnosticSink& sink_;
  std::set<std::tuple<std::string, uint32_t, uint32_t, int>> reported_;
};

} // namespace

TemplateLibrary::TemplateLibrary(const SiteSources& site, const std::vector<std::string>& pages,
                                 DiagnosticSink& sink) {
  Expander expander(site, sink);
  for (const std::string& name : pages)
    if (!site.templates.count(name))
      sink.report(DiagKind::missing_template, Location{site.templates_root, 0, 0, 0}, {name, site.templates_root});
  // Every template is checked, used or not: pages as they render, partials on their own too, so
  // a mistake in a partial no page includes yet is found before a page includes it.
  for (const auto& [name, source] : site.templates) {
    PageTemplate page;
    page.name = name;
    std::vector<const TemplateSource*> stack;
    expander.overflow_.reset();
    bool ok = expander.expand(source, stack, page);
    if (page.text.size() > kMaxExpandedTemplateBytes) {
      expander.report(DiagKind::template_too_large, expander.overflow_.value_or(Location{source.display, 0, 0, 0}),
                      {std::to_string(kMaxExpandedTemplateBytes)});
      ok = false;
    }
    if (ok) ok = expander.check_sections(page);
    if (ok) ok = expander.parse(page);
    bool is_page = name.empty() || name[0] != '_';
    if (ok && is_page) pages_.emplace(name, std::move(page));
  }
}

const PageTemplate* TemplateLibrary::page(const std::string& name) const {
  auto it = pages_.find(name);
  return it == pages_.end() ? nullptr : &it->second;
}

} // namespace kaowu
