#pragma once
#include <nlohmann/json.hpp>

#include "diag/sink.hpp"
#include "load/site_sources.hpp"
#include "model/resolved.hpp"
#include "render/artifact.hpp"
#include "render/feed_events.hpp"

namespace kaowu {

// The JSON side of the site: one feed per Feed of `feeds` (build_feeds, shared with the iCalendar renderer) (<path_stem>.json, the same
// events and ids as the .ics feeds) and index.json listing every calendar, site, page and feed.
// Reports a bad --base-url (KW0450) and a schema the templates lack (KW0451).
Artifacts render_json(const ResolvedProject& project, const std::vector<Feed>& feeds, const SiteSources& site,
                      DiagnosticSink& sink);

// The bytes of a published JSON document: two-space indent, UTF-8 as is, final newline.
std::string json_bytes(const nlohmann::ordered_json& doc);

} // namespace kaowu
