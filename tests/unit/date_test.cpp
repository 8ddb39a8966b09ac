#include <catch2/catch.hpp>

#include "model/date.hpp"

using kaowu::Date;

TEST_CASE("dates exist only when the calendar has them", "[date]") {
  auto [y, m, d, ok] = GENERATE(table<int, unsigned, unsigned, bool>({
      {2024, 2, 29, true}, {2023, 2, 29, false}, {2024, 2, 30, false}, {2024, 4, 31, false},
      {2024, 12, 31, true}, {2024, 13, 1, false}, {2024, 0, 1, false}, {2100, 2, 29, false}}));
  CAPTURE(y, m, d);
  CHECK(Date::from_ymd(y, m, d).has_value() == ok);
}

TEST_CASE("weekdays follow the civil calendar", "[date]") {
  // 2024-04-07 was a Sunday (a 调休 working day); 2024-04-13 a Saturday.
  CHECK(Date::from_ymd(2024, 4, 7)->weekday() == 0);
  CHECK(Date::from_ymd(2024, 4, 13)->weekday() == 6);
  CHECK(Date::from_ymd(2024, 4, 13)->is_weekend());
  CHECK_FALSE(Date::from_ymd(2024, 4, 12)->is_weekend());
}

TEST_CASE("months clamp to the end of a shorter month", "[date]") {
  auto [from, months, expected] = GENERATE(table<const char*, int, const char*>({
      {"2024-04-21", 2, "2024-06-21"}, {"2024-01-31", 1, "2024-02-29"},
      {"2023-01-31", 1, "2023-02-28"}, {"2024-07-07", 1, "2024-08-07"}, {"2023-12-15", 1, "2024-01-15"}}));
  int y = std::stoi(std::string(from).substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(from).substr(5, 2)));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(from).substr(8, 2)));
  CHECK(Date::from_ymd(y, m, d)->plus_months(months).iso() == expected);
}
