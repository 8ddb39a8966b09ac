#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kaowu {

// What `kaowu serve` adds to what it serves. Only served HTML gets these; `kaowu build` never.

// The page with a small script before </body> (or at its end) that reloads it when the site
// moves past `generation` (server-sent events from /__kaowu/events).
std::string with_reload_script(std::string_view html, uint64_t generation);

// The page shown instead of the site while the input has errors: the diagnostics as the
// terminal prints them (file:line:col, the line, the caret, the hint), escaped, with a link to
// the last good version of `path` when there is one, and the reload script.
std::string error_page(std::string_view diagnostics, size_t errors, const std::string& path, bool has_last_good,
                       uint64_t generation, bool zh);

// The Content-Type a file is served with (render/media_types.hpp, the table of docs/serving.md),
// else, for an extension the site never writes, the renderer's own type with charset=utf-8
// added to text types; and whether it gets Access-Control-Allow-Origin: *.
std::string served_media_type(const std::string& path, const std::string& rendered);
bool cross_origin(const std::string& path);

} // namespace kaowu
