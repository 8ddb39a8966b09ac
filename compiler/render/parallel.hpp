#pragma once
#include <algorithm>
#include <atomic>
#include <thread>
#include <type_traits>
#include <vector>

namespace kaowu {

// f(0), f(1), … f(n-1) on up to four threads, results in index order: the output never depends
// on the schedule. At national scale one renderer writes a quarter of a million files; two
// cores halve that. f must only read shared state. Small n stays on the calling thread.
template <class F>
std::vector<std::invoke_result_t<F&, size_t>> parallel_map(size_t n, F f) {
  std::vector<std::invoke_result_t<F&, size_t>> out(n);
  unsigned threads = n < 64 ? 1u : std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  std::atomic<size_t> next{0};
  constexpr size_t chunk = 16; // keeps the counter off the hot path
  auto work = [&] {
    for (size_t begin = next.fetch_add(chunk); begin < n; begin = next.fetch_add(chunk))
      for (size_t i = begin; i < std::min(n, begin + chunk); ++i) out[i] = f(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& th : pool) th.join();
  return out;
}

} // namespace kaowu
