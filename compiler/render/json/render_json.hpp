#pragma once
#include <nlohmann/json.hpp>

#include "bind/bind.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// The JSON side of the site: one feed per feed of the bound site (<path_stem>.json, the same
// events and ids as the .ics feeds) and index.json listing every calendar, site, page and feed.
Artifacts render_json(const BoundSite& site);

// The bytes of a published JSON document: two-space indent, UTF-8 as is, final newline.
std::string json_bytes(const nlohmann::ordered_json& doc);

} // namespace kaowu
