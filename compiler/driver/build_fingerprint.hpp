#pragma once
#include <string>

#include "driver/pipeline.hpp"
#include "io/digest.hpp"

namespace kaowu {

// The identity of the running kaowu: the GNU build id (a hash the linker computes over the
// code) of the program and of every library it has loaded, so a rebuilt kaowu, or a libical
// that Debian updated, counts as a change.
std::string program_identity();

// What a build's output depends on, as one digest: kaowu itself (program_identity), every option
// that changes the output (base URL, the day status is marked for, SOURCE_DATE_EPOCH, JSON
// layout, model files) and `inputs`, the digest of everything the compilation read (HashingTree).
// Two builds with the same fingerprint write the same bytes. Options that change only what is
// printed (--lang, --format, --color) are left out.
std::string build_fingerprint(const std::string& inputs, const RunOptions& options);

} // namespace kaowu
