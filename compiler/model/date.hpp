#pragma once
#include <chrono>
#include <compare>
#include <optional>
#include <string>

namespace kaowu {

// A civil date in the exam calendar (Asia/Shanghai). Stored as days since 1970-01-01 so that
// ordering and day arithmetic are plain integer operations.
class Date {
public:
  Date() = default;
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  static Date from_days(int32_t days) { return Date(days); }

  int year() const;
  unsigned month() const;
  unsigned day() const;
  // 0 = Sunday … 6 = Saturday
  unsigned weekday() const;
  bool is_weekend() const { return weekday() == 0 || weekday() == 6; }
  int32_t days_since_epoch() const { return days_; }

  Date plus_days(int32_t n) const { return Date(days_ + n); }
  // Calendar months; the day is clamped to the end of a shorter month (01-31 + 1 month = 02-28).
  Date plus_months(int months) const;
  std::string iso() const; // 2024-04-13

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;

private:
  explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

inline int32_t days_between(Date from, Date to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

} // namespace kaowu
