// The memory a run's schemes will need, worked out before anything runs from the trace's writes
// and expiries and the codec's sizes: per scheme, the bytes every live blob holds (its stored
// units, and what the scheme keeps beside them: redstuff's metadata and full helper cache,
// rs_rebuild's digests, the store's slots) at the moment the most are alive, plus the working
// memory of writing or repairing its largest blob; and, once for the process, its code, the
// codec's buffer pools and the trace. A scenario whose largest scheme alone exceeds the budget is
// refused; otherwise as many schemes run at once as fit.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/world_trace.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// What the schemes of a run would need in memory at their peak, and how many may run at once.
struct MemoryEstimate {
  std::vector<std::string> names;         // per scheme, in order
  std::vector<std::uint64_t> peak_bytes;  // per scheme: the largest sum over the blobs alive at
                                          // once of their stored and kept bytes, plus the
                                          // working memory of its repair_blobs_at_once largest
                                          // blobs (at `concurrency`)
  std::uint64_t base_bytes = 0;           // once per process: code, pools, the trace
  unsigned concurrency = 0;               // schemes run at once: the most, up to the thread
                                          // count, whose largest peaks fit together; 0: not even
                                          // the largest alone fits (refused)
  unsigned repair_blobs_at_once = 1;      // blobs whose repairs each scheme runs at once: up
                                          // to threads / concurrency when concurrency > 1
                                          // (DriverOptions), else 1
  std::uint64_t needed_bytes = 0;         // base_bytes and the `concurrency` largest peaks (the
                                          // largest alone when refused)
  std::uint64_t budget_bytes = 0;         // memory_budget_gib in bytes
  bool fits() const { return concurrency > 0; }
};

// The memory one blob of `size_bytes` takes under the scheme called `name` (n shards, `copies`
// for replication, `threads` codec workers).
struct BlobMemory {
  std::uint64_t stored = 0;   // its units over all shards
  std::uint64_t kept = 0;     // beside them while it lives (records, caches, store slots)
  std::uint64_t working = 0;  // while it is written or repaired
};

// The bytes a blob of `size_bytes` stores over all shards under the scheme called `name`, by the
// codec's formulas: redstuff n (k_p + k_s) s with s its symbol size, rs_rebuild n P (P the piece
// size), replication `copies` L, msr_bound 0. Empty for another name or a blob too large.
std::optional<std::uint64_t> formula_stored_bytes(std::string_view name, std::uint32_t n_shards,
                                                  std::uint32_t copies, std::uint64_t size_bytes);

// All of a blob's memory for the scheme called `name`: stored as above; kept = redstuff 64n + 32
// metadata and the helper cache with every sliver's levels cached (2n slivers), rs_rebuild 40n
// (digests, versions), plus the store's slots (kUnitSlotBytes per unit); working = redstuff the
// larger of its encode (the n^2 leaf digests and the workers' blocks) and a repair (the helpers'
// answers of one group of targets and the workers' expanded targets), rs_rebuild the workers'
// codec parts, replication its chunk digests. Empty for another name or a blob too large.
std::optional<BlobMemory> formula_blob_memory(std::string_view name, std::uint32_t n_shards,
                                              std::uint32_t copies, std::uint64_t size_bytes,
                                              unsigned threads);

// The store's bytes per unit besides the unit's own (its slot and the allocator's header).
inline constexpr std::uint64_t kUnitSlotBytes = 64;
// The process beyond its schemes and trace: code, libraries, the codec's buffer pools.
inline constexpr std::uint64_t kProcessBaseBytes = std::uint64_t{256} << 20;
// A scheme's peak is raised by 1/20 (5 %) for the allocator: headers, partly used pages, and
// freed memory not yet reused (measured: a redstuff replay alone within 1 % of the bare sum).
inline constexpr std::uint64_t kAllocatorOverheadDivisor = 20;

// The bytes the recorded trace takes in memory.
std::uint64_t trace_bytes(const model::WorldTrace& trace);

// The peak bytes of each scheme over the trace's writes and expiries (formula_blob_memory per
// blob; for another name the scheme's stored_bytes, and the blob and its units twice while
// written; of the threads / c largest when c > 1 schemes run at once, each repairing that many
// blobs at once) raised by the allocator's overhead, the process base, and the concurrency c, at
// most `threads`, that fits `budget_gib`. Runs nothing.
MemoryEstimate estimate_memory(const model::WorldTrace& trace,
                               const std::vector<std::unique_ptr<StorageScheme>>& schemes,
                               std::uint32_t replication_copies, unsigned threads,
                               double budget_gib);

// A one-line explanation of a refused estimate, naming every number.
std::string memory_refusal_message(const MemoryEstimate& estimate);

}  // namespace sliversim::schemes
