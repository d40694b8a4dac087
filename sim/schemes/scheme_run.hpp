// Runs every enabled scheme over one recorded world: the memory-budget check made before anything
// runs, and the replays themselves, one SchemeDriver per scheme on a pool of worker threads. The
// outcomes come back in the order the schemes were given, whatever the thread count: drivers
// share nothing but the (read-only) trace.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/world_trace.hpp"
#include "sim/schemes/driver.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// What the schemes of a run would need in memory at their peak, and how many may run at once.
struct MemoryEstimate {
  std::vector<std::string> names;         // per scheme, in order
  std::vector<std::uint64_t> peak_bytes;  // per scheme: the largest sum of stored bytes of the
                                          // blobs alive at once (writes minus expiries), plus
                                          // the largest blob's encode (its bytes and its units)
  unsigned concurrency = 0;               // schemes run at once: the most, up to the thread
                                          // count, whose largest peaks fit together; 0: not even
                                          // the largest alone fits (refused)
  std::uint64_t needed_bytes = 0;         // the sum of the `concurrency` largest peaks (the
                                          // largest alone when refused)
  std::uint64_t budget_bytes = 0;         // memory_budget_gib in bytes
  bool fits() const { return concurrency > 0; }
};

// The bytes a blob of `size_bytes` stores over all shards under the scheme called `name`, by the
// codec's formulas: redstuff n (k_p + k_s) s with s its symbol size, rs_rebuild n P (P the piece
// size), replication `copies` L, msr_bound 0. Empty for another name or a blob too large.
std::optional<std::uint64_t> formula_stored_bytes(std::string_view name, std::uint32_t n_shards,
                                                  std::uint32_t copies, std::uint64_t size_bytes);

// The peak bytes of each scheme over the trace's writes and expiries (formula_stored_bytes per
// blob, else the scheme's stored_bytes) and the concurrency, at most `threads`, that fits
// `budget_gib`. Analytic schemes store nothing. Runs nothing.
MemoryEstimate estimate_memory(const model::WorldTrace& trace,
                               const std::vector<std::unique_ptr<StorageScheme>>& schemes,
                               std::uint32_t replication_copies, unsigned threads,
                               double budget_gib);

// A one-line explanation of a refused estimate, naming every number.
std::string memory_refusal_message(const MemoryEstimate& estimate);

// Replays the trace through every scheme (each scheme object used by one driver, on at most
// `threads` worker threads, e.g. MemoryEstimate::concurrency) and returns the outcomes in the
// order of `schemes`. After its replay a scheme has forgotten every blob and its memory is handed
// back to the system (malloc_trim on glibc).
// REQUIRES: threads >= 1; each scheme fresh.
std::vector<SchemeOutcome> run_schemes(const model::WorldTrace& trace,
                                       std::vector<std::unique_ptr<StorageScheme>>& schemes,
                                       const DriverOptions& options, unsigned threads);

}  // namespace sliversim::schemes
