#include "render/html/autolink.hpp"

#include <algorithm>

namespace kaowu {

namespace {

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool starts_ci(std::string_view text, size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool url_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7F) return false; // controls, space, and every non-ASCII byte
  return c != '<' && c != '>' && c != '"' && c != '`' && c != '\'' && c != '\\' && c != '{' && c != '}' && c != '|' && c != '^';
}

// The end of the address that starts at `begin` and has its host from `host`.
size_t url_end(std::string_view text, size_t begin, size_t host) {
  size_t end = begin;
  while (end < text.size() && url_char(text[end])) ++end;
  // Trailing punctuation ends the sentence, not the address; a ')' closes a bracket opened
  // before the address unless the address opened one itself.
  while (end > host) {
    char last = text[end - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '*' ||
        last == '_' || last == '~') {
      --end;
      continue;
    }
    if (last == ')') {
      std::string_view url = text.substr(begin, end - begin);
      if (std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')')) {
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

// A host has a dot with a character on each side: "www.a" or "example.org".
bool plausible_host(std::string_view text, size_t host, size_t end) {
  size_t stop = host;
  while (stop < end && text[stop] != '/' && text[stop] != '?' && text[stop] != '#') ++stop;
  std::string_view h = text.substr(host, stop - host);
  size_t dot = h.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < h.size();
}

} // namespace

bool find_url(std::string_view text, size_t from, FoundUrl& found) {
  for (size_t i = from; i < text.size(); ++i) {
    char c = text[i];
    if (c != 'h' && c != 'H' && c != 'w' && c != 'W') continue;
    // Not glued to a word or an address before it ("xwww.a.com", "a.www.b.com").
    if (i > 0 && (ascii_alnum(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '/' || text[i - 1] == '@' || text[i - 1] == '-'))
      continue;
    size_t host = 0;
    bool www = false;
    if (starts_ci(text, i, "https://")) host = i + 8;
    else if (starts_ci(text, i, "http://")) host = i + 7;
    else if (starts_ci(text, i, "www.")) {
      host = i;
      www = true;
    } else {
      continue;
    }
    size_t end = url_end(text, i, host);
    if (end <= host || !plausible_host(text, host, end)) continue;
    found = FoundUrl{i, end, www};
    return true;
  }
  return false;
}

} // namespace kaowu
