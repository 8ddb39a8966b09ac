#include "model/date.hpp"

#include <cstdio>

namespace kaowu {
namespace {
using namespace std::chrono;

year_month_day ymd_of(int32_t days) { return year_month_day{sys_days{std::chrono::days{days}}}; }
} // namespace

std::optional<Date> Date::from_ymd(int y, unsigned m, unsigned d) {
  year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok() || y < 1900 || y > 2999) return std::nullopt;
  return Date(static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd_of(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd_of(days_).day()); }

unsigned Date::weekday() const {
  return std::chrono::weekday{sys_days{std::chrono::days{days_}}}.c_encoding();
}

Date Date::plus_months(int months) const {
  auto ymd = ymd_of(days_);
  year_month_day moved = ymd + std::chrono::months{months};
  if (!moved.ok()) moved = year_month_day{year_month_day_last{moved.year(), month_day_last{moved.month()}}};
  return Date(static_cast<int32_t>(sys_days{moved}.time_since_epoch().count()));
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

} // namespace kaowu
