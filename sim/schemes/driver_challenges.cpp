// Adversaries and storage challenges in one scheme. An adversary, when it starts, deletes or
// corrupts the share of its units chosen by adversary_hash (the same (blob, shard) set in every
// scheme that stores those units; analytic schemes hold no bytes, so corruption is a deletion
// there). A challenge round samples blobs per shard from the stream (seed, "challenge", round),
// drawn from the blobs written and not expired, so every scheme draws the same samples; an up
// owner whose sampled unit is missing or corrupt (and not already being repaired) fails, and its
// shards are taken over until the next epoch by a stand-in that recovers them.
#include <algorithm>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"
#include "sim/schemes/driver.hpp"

namespace sliversim::schemes {

using kernel::Ticks;
using model::BlobIndex;
using model::NodeId;
using model::ShardId;

void SchemeDriver::on_adversary_start(NodeId node) {
  NodeStatus& status = nodes_[model::index_of(node)];
  status.adversary_active = true;
  const auto& role = trace_.nodes[model::index_of(node)].adversary;
  if (!role) return;
  const bool corrupt = role->action == scenario::AdversaryAction::kCorrupt && !scheme_.analytic();
  for (const ShardId shard : shards_of(node)) {
    for (std::size_t b = 0; b < blobs_.size(); ++b) {
      const BlobIndex blob = model::id_at<BlobIndex>(b);
      if (!blobs_[b].live || unit_state(blob, shard) != UnitState::kValid) continue;
      const std::uint64_t h = adversary_hash(trace_.seed, node, blob, shard);
      if (static_cast<double>(h >> 11) * 0x1.0p-53 >= role->sliver_fraction) continue;
      if (corrupt) {
        store_.corrupt(blob, shard, h);
        on_unit_changed(blob, shard, true);
      } else {
        erase_unit(blob, shard);
      }
    }
  }
}

void SchemeDriver::on_challenge_round(std::uint32_t round) {
  const std::uint32_t per_shard = options_.challenge_blobs_per_shard;
  if (per_shard == 0) return;
  std::vector<BlobIndex> live;
  for (std::size_t b = 0; b < blobs_.size(); ++b) {
    if (blobs_[b].live) live.push_back(model::id_at<BlobIndex>(b));
  }
  if (live.empty()) return;
  kernel::Rng rng = kernel::make_stream(trace_.seed, "challenge", round);
  std::vector<NodeId> failing;
  for (std::size_t s = 0; s < n_; ++s) {
    const ShardId shard = model::id_at<ShardId>(s);
    for (std::uint32_t k = 0; k < per_shard; ++k) {
      // Determinism: every scheme draws the same number of samples, whatever it skips.
      const BlobIndex blob = live[kernel::uniform_below(rng, live.size())];
      const NodeId owner = owners_[s];
      if (!is_up(owner) || blobs_[model::index_of(blob)].lost) continue;
      if (!scheme_.holds_unit(blob, shard)) continue;
      if (unit_state(blob, shard) == UnitState::kValid) continue;
      const UnitKey key{static_cast<std::uint32_t>(blob), static_cast<std::uint32_t>(shard)};
      if (repairs_.contains(key)) continue;  // the owner knows and is recovering it
      failing.push_back(owner);
    }
  }
  std::sort(failing.begin(), failing.end());
  failing.erase(std::unique(failing.begin(), failing.end()), failing.end());
  for (const NodeId node : failing) {
    ++metrics_.now().counters.challenge_failures;
    take_over(node);
  }
}

void SchemeDriver::take_over(NodeId node) {
  nodes_[model::index_of(node)].caught = true;
  const std::vector<NodeId>& committee = trace_.epochs[epoch_].committee;
  const auto self = std::lower_bound(committee.begin(), committee.end(), node);
  const std::size_t start = static_cast<std::size_t>(self - committee.begin());
  NodeId stand_in = model::kNoNode;
  for (std::size_t i = 1; i <= committee.size(); ++i) {
    const NodeId candidate = committee[(start + i) % committee.size()];
    const NodeStatus& c = nodes_[model::index_of(candidate)];
    if (candidate != node && is_up(candidate) && !c.adversary_active && !c.caught) {
      stand_in = candidate;
      break;
    }
  }
  if (stand_in == model::kNoNode) return;
  for (const ShardId shard : shards_of(node)) {
    untrack_shard(shard);
    std::vector<BlobIndex> recover;
    for (std::size_t b = 0; b < blobs_.size(); ++b) {
      const BlobIndex blob = model::id_at<BlobIndex>(b);
      if (!blobs_[b].live || blobs_[b].lost || !scheme_.holds_unit(blob, shard)) continue;
      erase_unit(blob, shard);
      recover.push_back(blob);
    }
    owners_[model::index_of(shard)] = stand_in;
    for (const BlobIndex blob : recover) request_repair(blob, shard, Ticks{});
  }
}

}  // namespace sliversim::schemes
