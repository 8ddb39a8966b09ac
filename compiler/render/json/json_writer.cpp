#include "render/json/json_writer.hpp"

#include <charconv>

namespace kaowu {

namespace {

bool continuation(std::string_view s, size_t i, unsigned char low = 0x80, unsigned char high = 0xBF) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  return c >= low && c <= high;
}

// The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0.
size_t utf8_sequence(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 0xC2 && c <= 0xDF) return continuation(s, i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned char low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
    return continuation(s, i + 1, low, high) && continuation(s, i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned char low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    return continuation(s, i + 1, low, high) && continuation(s, i + 2) && continuation(s, i + 3) ? 4 : 0;
  }
  return 0;
}

} // namespace

JsonWriter::JsonWriter(JsonStyle style, size_t reserve) : style_(style) { out_.reserve(reserve); }

void JsonWriter::newline_and_indent() {
  out_ += '\n';
  out_.append(2 * first_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return; // the document itself
  if (!first_.back()) out_ += ',';
  first_.back() = false;
  if (style_ == JsonStyle::pretty) newline_and_indent();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty && style_ == JsonStyle::pretty) newline_and_indent();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  escaped(name);
  out_ += style_ == JsonStyle::pretty ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  escaped(text);
  return *this;
}

JsonWriter& JsonWriter::value(int64_t number) {
  before_value();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, number);
  out_.append(buf, static_cast<size_t>(end - buf));
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, number);
  std::string_view text(buf, static_cast<size_t>(end - buf));
  out_ += text;
  // nlohmann writes a double that is a whole number with ".0", as JSON readers keep it a float.
  if (text.find_first_of(".eEn") == std::string_view::npos) out_ += ".0";
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

void JsonWriter::escaped(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out_ += '"';
  size_t run = 0; // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (size_t length = utf8_sequence(s, i)) {
        i += length;
        continue;
      }
    }
    out_.append(s.data() + run, i - run);
    switch (c) {
    case '"': out_ += "\\\""; break;
    case '\\': out_ += "\\\\"; break;
    case '\b': out_ += "\\b"; break;
    case '\f': out_ += "\\f"; break;
    case '\n': out_ += "\\n"; break;
    case '\r': out_ += "\\r"; break;
    case '\t': out_ += "\\t"; break;
    default:
      if (c < 0x20) {
        out_ += "\\u00";
        out_ += hex[c >> 4];
        out_ += hex[c & 15];
      } else {
        out_ += "\xEF\xBF\xBD"; // not UTF-8
      }
    }
    run = ++i;
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
}

std::string JsonWriter::finish() {
  out_ += '\n';
  first_.clear();
  after_key_ = false;
  std::string done = std::move(out_);
  out_.clear();
  return done;
}

} // namespace kaowu
