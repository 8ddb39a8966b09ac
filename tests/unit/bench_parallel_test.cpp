// The threads of a build must not change what is built, and a failure on a thread must come back
// to the caller as an exception, never end the program (std::terminate).
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>

#include "render/parallel.hpp"
#include "render/render_all.hpp"
#include "test_support.hpp"

using namespace kaowu;

TEST_CASE("parallel_map keeps index order on any number of items and threads", "[parallel]") {
  size_t n = GENERATE(0u, 1u, 63u, 64u, 65u, 1000u, 4099u);
  unsigned threads = GENERATE(0u, 1u, 2u, 4u);
  auto out = parallel_map(n, [](size_t i) { return std::to_string(i * i); }, threads);
  REQUIRE(out.size() == n);
  for (size_t i = 0; i < n; ++i) CHECK(out[i] == std::to_string(i * i));
}

TEST_CASE("a job that throws: the exception of the lowest index reaches the caller, no new job starts",
          "[parallel]") {
  unsigned threads = GENERATE(1u, 2u, 4u);
  std::atomic<size_t> ran{0};
  auto run = [&] {
    parallel_for(10000, [&](size_t i) {
      ++ran;
      if (i == 40 || i == 41 || i == 9000) throw std::runtime_error("job " + std::to_string(i));
    }, threads);
  };
  REQUIRE_THROWS_WITH(run(), "job 40");
  // The jobs already taken finish; nothing after the failure is started (each thread takes at
  // most one more index after it sees the stop).
  CHECK(ran.load() < 100);
}

TEST_CASE("exceptions of any type cross the threads", "[parallel]") {
  struct NotStd {};
  CHECK_THROWS_AS(parallel_for(100, [](size_t i) { if (i == 7) throw NotStd{}; }, 3), NotStd);
  CHECK_THROWS_AS(parallel_for(100, [](size_t i) { if (i == 99) throw std::bad_alloc(); }, 2), std::bad_alloc);
}

namespace {
// A sink that fails on one path, as a publisher might (or as memory might run out).
struct FailingSink final : ArtifactSink {
  std::atomic<size_t> taken{0};
  void put(Artifact a) override {
    if (a.path == "calendars/beijing-2024/index.html") throw std::runtime_error("cannot take " + a.path);
    ++taken;
  }
};
} // namespace

TEST_CASE("a sink that throws stops the build with its exception", "[parallel]") {
  auto l = testing::load_shipped();
  REQUIRE_FALSE(l->sink.has_errors());
  FailingSink sink;
  RenderOptions options;
  options.threads = GENERATE(1u, 2u, 4u);
  REQUIRE_THROWS_WITH(render_all(l->bound, options, sink, l->sink), "cannot take calendars/beijing-2024/index.html");
}

TEST_CASE("the site is the same byte for byte on one thread or four", "[parallel]") {
  auto l = testing::load_shipped();
  REQUIRE_FALSE(l->sink.has_errors());
  l->bound.layout = SiteLayout("https://kaowu.example.org");
  RenderOptions one, four;
  one.threads = 1;
  four.threads = 4;
  DiagnosticSink s1, s4;
  Artifacts a = render_all(l->bound, s1, one), b = render_all(l->bound, s4, four);
  REQUIRE(a.size() == b.size());
  CHECK(a.size() > 700);
  for (size_t i = 0; i < a.size(); ++i) {
    INFO(a[i].path);
    CHECK(a[i].path == b[i].path);
    CHECK(a[i].bytes == b[i].bytes); // iCalendar feeds included: libical on four threads at once
  }
  CHECK(s1.diagnostics().size() == s4.diagnostics().size());
}
