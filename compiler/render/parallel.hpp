#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace kaowu {

// The one way kaowu uses several cores: a flat list of independent jobs, run by a few threads
// that each take the next job until none is left. There is no pool that outlives a call and no
// pool inside a job, so the number of threads never multiplies.

// Threads for `jobs` jobs: every core, at most four (past that the disk, not the CPU, limits a
// build), and one when there are too few jobs to share.
inline unsigned worker_threads(size_t jobs) {
  unsigned cores = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  return static_cast<unsigned>(std::min<size_t>(cores, std::max<size_t>(jobs, 1)));
}

// Calls job(i) once for every i in [0, n), on up to `threads` threads (the calling one among
// them), taking indexes in increasing order. Jobs must only read what they share or guard it.
// A job that throws never reaches std::terminate: no further job is started, the threads are
// joined, and the exception of the lowest index that threw is rethrown here, so a failure is
// reported the same way on one core or four.
template <class Job>
void parallel_for(size_t n, Job&& job, unsigned threads = 0) {
  if (threads == 0) threads = worker_threads(n);
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  size_t failed_at = n;
  auto work = [&]() noexcept {
    for (size_t i = next++; i < n && !stop.load(std::memory_order_relaxed); i = next++) {
      try {
        job(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (i < failed_at) {
          failed_at = i;
          failure = std::current_exception();
        }
        stop = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break; // no thread to be had: the threads there are (at least this one) do all the jobs
    }
  }
  work();
  for (std::thread& th : pool) th.join();
  if (failure) std::rethrow_exception(failure);
}

// f(0), f(1), … f(n-1) on several threads, the results in index order: the output never
// depends on the schedule. Exceptions as parallel_for.
template <class F>
std::vector<std::invoke_result_t<F&, size_t>> parallel_map(size_t n, F f, unsigned threads = 0) {
  std::vector<std::invoke_result_t<F&, size_t>> out(n);
  parallel_for(n, [&](size_t i) { out[i] = f(i); }, threads);
  return out;
}

} // namespace kaowu
