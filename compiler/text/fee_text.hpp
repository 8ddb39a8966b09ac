#pragma once
#include <string>
#include <vector>

#include "model/resolved.hpp"

namespace kaowu {

// Fees the way the notices write them. Pages, notices and feeds all use these.

// "50元/科次", "55元/科（纸笔作答）", "30元/人"
std::string fee_text(const Fee &fee);
// The notice's name for the fee (报名费), else 考试费 / 报名费 / 费用 by its kind.
std::string fee_name(const Fee &fee);
// Who pays it: the notice's own wording (applies_to), else the levels and specialties it names
// ("初级（师）；203 护理学"), else 所有专业 (所有考生 for a fee per person).
std::string fee_scope_text(const Fee &fee, const ResolvedCatalogue *catalogue);
// The fees of a calendar: its own, else the nearest ancestor's (a site charges its region's).
const std::vector<Fee> &fees_of(const ResolvedCalendar &calendar);

} // namespace kaowu
