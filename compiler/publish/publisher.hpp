#pragma once
#include <string>

#include "diag/sink.hpp"
#include "render/artifact.hpp"

namespace kaowu {

// Writes `artifacts` as the new content of `output_dir`, all or nothing: everything is written
// into a temporary directory beside it, which then replaces the old directory in one atomic
// exchange (renameat2 RENAME_EXCHANGE). A failed or killed build leaves the previous output
// exactly as it was. Returns false (with an io-error diagnostic) when it could not publish.
bool publish(const Artifacts& artifacts, const std::string& output_dir, DiagnosticSink& sink);

// True when `path` is a safe relative artifact path: no absolute path, no "..", no empty or
// hidden-dot segments other than ".htaccess"/".well-known", no NUL or backslash.
bool is_safe_artifact_path(const std::string& path);

} // namespace kaowu
