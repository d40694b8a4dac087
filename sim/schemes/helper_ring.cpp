// The helper ring (see helper_ring.hpp).
#include "sim/schemes/helper_ring.hpp"

#include <cstdint>

#include "sim/kernel/trace_digest.hpp"

namespace sliversim::schemes {

std::size_t helper_ring_start(model::BlobIndex blob, std::size_t n_shards) {
  const std::uint64_t key = static_cast<std::uint64_t>(blob) + 0x9E3779B97F4A7C15ULL;
  return static_cast<std::size_t>(kernel::mix64(key) % n_shards);
}

UnitHolders unit_holders(model::BlobIndex blob, model::ShardId target,
                         std::span<const ShardAvailability> shards, std::size_t max_live) {
  const std::size_t n = shards.size();
  const std::size_t start = helper_ring_start(blob, n);
  UnitHolders out;
  for (std::size_t step = 0; step < n; ++step) {
    const std::size_t i = helper_ring_at(start, step, n);
    const ShardAvailability& a = shards[i];
    if (i == model::index_of(target) || !a.honest) continue;
    if (a.state != UnitState::kValid && a.state != UnitState::kCorrupt) continue;
    ++out.stored;
    if (a.reachable && out.live.size() < max_live)
      out.live.push_back(model::id_at<model::ShardId>(i));
  }
  return out;
}

}  // namespace sliversim::schemes
