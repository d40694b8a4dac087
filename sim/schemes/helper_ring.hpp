// The deterministic order in which a scheme picks repair helpers: the shards in ring order from a
// start that depends on the blob, skipping the target. Every target of a blob uses the same
// start, so targets rebuilt together share their helpers (a helper expands its unit once for all
// of them, and rs_rebuild decodes once); different blobs start at different places, which spreads
// the helper load over the ring. No random stream is needed.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "sim/model/ids.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// The first shard of the helper ring of `blob`: mix64(blob + 0x9E3779B97F4A7C15) mod n_shards.
// REQUIRES: n_shards > 0.
std::size_t helper_ring_start(model::BlobIndex blob, std::size_t n_shards);

// Shard number `step` of that ring: (start + step) mod n_shards. REQUIRES: n_shards > 0.
inline std::size_t helper_ring_at(std::size_t start, std::size_t step, std::size_t n_shards) {
  return (start + step) % n_shards;
}

// The shards other than the target whose unit looks valid (kValid or kCorrupt: corruption shows
// only when checked) and whose owner is honest.
struct UnitHolders {
  std::size_t stored = 0;            // how many, reachable or not
  std::vector<model::ShardId> live;  // the reachable ones in helper ring order, at most max_live
};

// The holders of whole units for rebuilding (blob, target), from shards[0..n).
// REQUIRES: target < shards.size().
UnitHolders unit_holders(model::BlobIndex blob, model::ShardId target,
                         std::span<const ShardAvailability> shards, std::size_t max_live);

}  // namespace sliversim::schemes
