#pragma once
#include <cstddef>
#include <string_view>

namespace kaowu {

// A web address found in plain text.
struct FoundUrl {
  size_t begin = 0, end = 0; // byte range in the text
  bool www = false;          // "www.…" without a scheme: linked as http://
};

// The first web address in `text` at or after `from`: "http://…", "https://…" or "www.…", not
// glued to a word before it. An address is ASCII: it ends at the first space, '<', quote or
// non-ASCII character, so CJK text and full-width punctuation (（。，) right after it stay
// outside, and trailing sentence punctuation (. , ; : ! ?) and an unbalanced ')' are left out,
// as GFM does. One pass, no backtracking.
bool find_url(std::string_view text, size_t from, FoundUrl& found);

} // namespace kaowu
