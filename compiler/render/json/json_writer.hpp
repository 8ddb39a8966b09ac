#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaowu {

// How published JSON is laid out: minified for machines (the default: a feed is fetched by every
// embedding page, and indentation was a third of its bytes), or indented by two spaces for
// people (`kaowu build --pretty`). Both parse to the same document.
enum class JsonStyle { minified, pretty };

// Writes one JSON document straight into a string, in the order the calls come: no document tree
// is built and thrown away (a tree per feed was a third of a national build's instructions).
// The pretty layout is nlohmann::json's dump(2): two spaces, "key": value, [] and {} when empty.
// Strings are UTF-8 as they are, with '"', '\', and control characters escaped; a byte that is
// not UTF-8 becomes U+FFFD, so the output is always valid JSON.
class JsonWriter {
public:
  explicit JsonWriter(JsonStyle style, size_t reserve = 0);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The key of the next value, inside an object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(int64_t number);
  JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(size_t number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(bool flag);
  // A number as nlohmann::json writes a double: the shortest form that reads back the same.
  JsonWriter& value(double number);
  JsonWriter& null();
  // Text, or null when it is empty: what the source leaves open is null, never "".
  JsonWriter& text_or_null(std::string_view text) { return text.empty() ? null() : value(text); }

  // key + value in one call.
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  JsonWriter& null_field(std::string_view name) {
    key(name);
    return null();
  }

  // The document with a final newline; the writer is empty afterwards.
  std::string finish();

private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline_and_indent();
  void escaped(std::string_view text);

  JsonStyle style_;
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

} // namespace kaowu
