#pragma once
#include <string>

#include "model/calendar.hpp"

namespace kaowu {

// A fee as the notices write it: "50元/科次".
std::string fee_text(const Fee& fee);

} // namespace kaowu
