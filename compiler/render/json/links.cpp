#include "render/json/links.hpp"

#include <algorithm>
#include <cctype>

namespace kaowu::json_feed {

std::string Links::to(const std::string& from, const std::string& target) const {
  if (absolute()) return base_ + "/" + target;
  std::string up;
  for (char c : from)
    if (c == '/') up += "../";
  return up + target;
}

std::optional<std::string> normalize_base_url(const std::string& text) {
  std::string url = text;
  while (!url.empty() && url.back() == '/') url.pop_back();
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  std::string scheme = url.substr(0, scheme_end);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  if (scheme != "http" && scheme != "https") return std::nullopt;
  std::string rest = url.substr(scheme_end + 3);
  if (rest.empty() || rest.front() == '/') return std::nullopt; // no host
  // Characters a URI may hold unescaped, minus the query and fragment delimiters: the links are
  // built by appending paths, which a query or fragment would swallow.
  static const std::string allowed = "-._~:/[]@!$&'()*+,;=%";
  for (unsigned char c : rest)
    if (!(c < 0x80 && std::isalnum(c)) && allowed.find(static_cast<char>(c)) == std::string::npos)
      return std::nullopt;
  return url;
}

} // namespace kaowu::json_feed
