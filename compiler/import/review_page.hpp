#pragma once
// The review page of `kaowu import --review OUT.html`: the notice's text with every date the
// draft took highlighted and linked to the draft's line that holds it, every date-like string it
// did not use marked with why, and the draft itself, numbered, beside it. A clerk sees at a
// glance what was taken and what was missed.
#include <string>

#include "diag/printer.hpp"
#include "import/document_text.hpp"
#include "import/extract.hpp"

namespace kaowu::import {

std::string review_page(const DocumentText& document, const Extraction& extraction, const std::string& draft_toml, Lang lang);

} // namespace kaowu::import
