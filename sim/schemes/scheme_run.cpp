// The threaded replay of every scheme.
#include "sim/schemes/scheme_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <thread>

namespace sliversim::schemes {

namespace {

// After a replay (its driver and store gone): the scheme forgets every blob. Kept, the next
// scheme's units reuse the freed memory; otherwise it goes back to the system (process_memory.hpp).
// Either way schemes run one after another do not add up.
void release_memory(const model::WorldTrace& trace, StorageScheme& scheme, bool give_back) {
  for (std::size_t b = 0; b < trace.blobs.size(); ++b) {
    scheme.forget(model::id_at<model::BlobIndex>(b));
  }
  if (give_back) return_free_memory();
}

}  // namespace

std::vector<SchemeOutcome> run_schemes(const model::WorldTrace& trace,
                                       std::vector<std::unique_ptr<StorageScheme>>& schemes,
                                       const DriverOptions& options, unsigned threads,
                                       SchemeObserver* observer) {
  std::vector<SchemeOutcome> outcomes(schemes.size());
  std::vector<std::exception_ptr> errors(schemes.size());
  std::atomic<std::size_t> next{0};
  const std::size_t workers = std::min<std::size_t>(std::max(1U, threads), schemes.size());
  // Kept only while every allocation of the replay is made on this thread or short-lived codec
  // workers: repairs of several blobs on threads of their own would keep it in their own heaps.
  const bool keep = workers == 1 && options.repair_blobs_at_once <= 1;
  set_freed_memory(keep ? FreedMemory::kKept : FreedMemory::kReturned);
  const auto work = [&] {
    for (std::size_t i = next++; i < schemes.size(); i = next++) {
      try {
        const auto started = std::chrono::steady_clock::now();
        {
          SchemeDriver driver(trace, *schemes[i], options);
          outcomes[i] = driver.run(observer, i);
          outcomes[i].wall_seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        }
        release_memory(trace, *schemes[i], !keep);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return outcomes;
}

}  // namespace sliversim::schemes
