#pragma once
#include <optional>
#include <string>
#include <utility>

namespace kaowu::json_feed {

// How a published JSON document refers to the other files of the site. Without a base URL every
// link is relative to the document that holds it (as in HTML, so the site works from any
// directory and an embedder resolves it against the feed's own URL); with one, links are
// absolute.
class Links {
public:
  // `base_url` is the normalized base (no trailing '/'), or empty for relative links.
  explicit Links(std::string base_url = {}) : base_(std::move(base_url)) {}

  bool absolute() const { return !base_.empty(); }
  const std::string& base_url() const { return base_; }
  // The link from the document at `from` to the file at `target`; both are paths relative to the
  // output root ("feeds/beijing-2024/hangzhou.json", "schema/kaowu-feed-v1.schema.json").
  std::string to(const std::string& from, const std::string& target) const;

private:
  std::string base_;
};

// The base URL as links use it: an absolute http(s) URL without query, fragment, spaces or
// non-ASCII characters, with trailing slashes removed. nullopt when `text` is not one.
std::optional<std::string> normalize_base_url(const std::string& text);

} // namespace kaowu::json_feed
