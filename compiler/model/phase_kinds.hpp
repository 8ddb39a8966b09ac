#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kaowu {

// What a phase is, apart from its id: the vocabulary rules.toml selects phases by. A phase's
// id stays free (`pre-registration`, `site-audit`); its kind says what it is. The exam itself is
// the kind "exam", which only [exam] has.
struct PhaseKindInfo {
  std::string_view name; // registration
  std::string_view zh;   // 报名
};

const std::vector<PhaseKindInfo> &phase_kinds();
bool is_phase_kind(std::string_view name);
const PhaseKindInfo *find_phase_kind(std::string_view name);
// The kind a phase has when it does not write `kind`: its id when the id is a kind's name
// (registration, payment, receipts …), else "other".
std::string derived_phase_kind(std::string_view phase_id);

inline constexpr std::string_view kExamKind = "exam";
inline constexpr std::string_view kOtherKind = "other";

} // namespace kaowu
