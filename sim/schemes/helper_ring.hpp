// The deterministic order in which a scheme picks repair helpers: the shards in ring order from a
// start that depends on (blob, target), skipping the target. Different targets of a blob start
// at different places, so the helper load spreads over the ring; no random stream is needed.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "sim/model/ids.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// The first shard of the helper ring for rebuilding `target` of `blob`:
// mix64((blob << 32) | target) mod n_shards. REQUIRES: n_shards > 0.
std::size_t helper_ring_start(model::BlobIndex blob, model::ShardId target, std::size_t n_shards);

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
