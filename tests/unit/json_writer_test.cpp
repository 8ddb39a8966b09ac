// JsonWriter writes JSON text directly: the pretty layout must be nlohmann's dump(2) byte for byte
// (the published feeds kept their bytes under --pretty), the minified one its dump(), and every
// string must come out as valid JSON whatever its bytes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "render/json/json_writer.hpp"

using namespace kaowu;
using ordered_json = nlohmann::ordered_json;

namespace {
std::string sample(JsonStyle style) {
  JsonWriter w(style);
  w.begin_object();
  w.field("$schema", "../schema/x.json");
  w.field("version", 1);
  w.field("negative", int64_t{-42});
  w.field("title", "丰台考点 “引号” \"quotes\" back\\slash tab\t nl\n cr\r bell\x07 del\x7F");
  w.null_field("none");
  w.field("yes", true);
  w.field("no", false);
  w.key("empty_list").begin_array().end_array();
  w.key("empty_object").begin_object().end_object();
  w.key("items").begin_array();
  w.begin_object().field("id", "a").key("hours").begin_array().value("8∶30—10∶00").end_array().end_object();
  w.value("text").value(size_t{7}).null();
  w.begin_object().key("deeper").begin_array().begin_array().end_array().end_array().end_object();
  w.end_array();
  w.end_object();
  return w.finish();
}
} // namespace

TEST_CASE("pretty JSON is nlohmann's dump(2), minified its dump()", "[json]") {
  std::string pretty = sample(JsonStyle::pretty), minified = sample(JsonStyle::minified);
  ordered_json doc = ordered_json::parse(pretty);
  CHECK(pretty == doc.dump(2) + "\n");
  CHECK(minified == doc.dump() + "\n");
  CHECK(ordered_json::parse(minified) == doc);
  CHECK(minified.find('\n') == minified.size() - 1);
}

TEST_CASE("a string that is not UTF-8 still gives valid JSON, U+FFFD in place of each bad byte", "[json]") {
  for (std::string bad : {std::string("a\xFF" "b"), std::string("\xC3"), std::string("\xE4\xB8"), std::string("\xED\xA0\x80"),
                          std::string("\xC0\xAF"), std::string("\xF4\x90\x80\x80"), std::string("\xE4\xB8" "a")}) {
    JsonWriter w(JsonStyle::minified);
    w.begin_array().value(bad).end_array();
    std::string text = w.finish();
    INFO(text);
    ordered_json doc;
    REQUIRE_NOTHROW(doc = ordered_json::parse(text));
    std::string back = doc[0].get<std::string>();
    CHECK(back.find("\xEF\xBF\xBD") != std::string::npos);
  }
  JsonWriter w(JsonStyle::minified);
  w.begin_array().value(std::string("ok\xFF中")).end_array();
  CHECK(w.finish() == "[\"ok\xEF\xBF\xBD中\"]\n");
}
