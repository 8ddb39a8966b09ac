#pragma once
// The words by which a notice names a step of its calendar, and the phase kind each one means
// (model/phase_kinds.hpp holds the kinds). Found by the longest word first, so 报名信息修改 is
// not read as 报名, nor 审核考生报名资格 as 报名.
#include <string>
#include <string_view>
#include <vector>

namespace kaowu::import {

struct PhaseWord {
  std::string_view word; // as the notice writes it (normalized: ASCII brackets)
  std::string_view kind; // a phase kind, "exam", or "" for a step of no kind (kept as "other")
};

struct PhaseWordHit {
  const PhaseWord* word = nullptr;
  size_t begin = 0, end = 0; // bytes of the text searched
};

// Every phase word in `text`, left to right, none overlapping (the longest wins).
std::vector<PhaseWordHit> find_phase_words(const std::string& text);

// Who a phase of that kind is for, as the format says it: "candidate", "staff" or "military".
std::string_view audience_of_kind(std::string_view kind);

} // namespace kaowu::import
