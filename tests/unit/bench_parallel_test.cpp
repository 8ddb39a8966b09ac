// The threaded parts added for the national-scale benchmark must not change what is built:
// parallel_map returns results in index order whatever the schedule.
#include <catch2/catch.hpp>

#include <string>

#include "render/parallel.hpp"

using kaowu::parallel_map;

TEST_CASE("parallel_map keeps index order on any number of items", "[bench]") {
  size_t n = GENERATE(0u, 1u, 63u, 64u, 65u, 1000u, 4099u);
  auto out = parallel_map(n, [](size_t i) { return std::to_string(i * i); });
  REQUIRE(out.size() == n);
  for (size_t i = 0; i < n; ++i) CHECK(out[i] == std::to_string(i * i));
}
