// Epoch boundaries: leaves, committee formation, apportionment and minimal-movement moves.
#include "sim/model/epoch_cycle.hpp"

namespace sliversim::model {

EpochCycle::EpochCycle(const scenario::ShardConfig& shards, kernel::Ticks epoch_length,
                       WorldState& world, GracefulLeaves& leaves, kernel::Ticks horizon)
    : shards_(shards),
      epoch_length_(epoch_length),
      world_(world),
      leaves_(leaves),
      horizon_(horizon) {}

void EpochCycle::start() {
  world_.sim().schedule_at(kernel::Ticks{}, kPhaseEpochStart,
                           event_tag(WorldEventKind::kEpochStart, 0),
                           [this](kernel::Simulator&) { start_epoch(); });
}

void EpochCycle::finish() { world_.end_epoch(horizon_); }

void EpochCycle::end_epoch() { leaves_.at_epoch_end(world_.trace().epochs.back().committee); }

void EpochCycle::start_epoch() {
  const kernel::Ticks now = world_.sim().now();
  std::vector<NodeId> previous_owners(shards_.n, kNoNode);
  if (!world_.trace().epochs.empty()) {
    previous_owners = world_.trace().epochs.back().owners;
    world_.end_epoch(now);
  }
  EpochRecord& epoch = world_.begin_epoch();
  assign(epoch, previous_owners);
  const kernel::Ticks next = now + epoch_length_;
  if (next >= horizon_) return;
  const std::uint64_t number = epoch.epoch + 1;
  world_.sim().schedule_at(next, kPhaseEpochEnd, event_tag(WorldEventKind::kNodeLeave, number),
                           [this](kernel::Simulator&) { end_epoch(); });
  world_.sim().schedule_at(next, kPhaseEpochStart, event_tag(WorldEventKind::kEpochStart, number),
                           [this](kernel::Simulator&) { start_epoch(); });
}

void EpochCycle::assign(EpochRecord& epoch, const std::vector<NodeId>& previous_owners) {
  std::vector<StakeEntry> stakes;
  for (std::size_t i = 0; i < world_.node_count(); ++i) {
    const NodeId id = id_at<NodeId>(i);
    if (!world_.is_alive(id)) continue;
    epoch.committee.push_back(id);
    stakes.push_back(StakeEntry{id, world_.node(id).stake});
  }
  const std::uint32_t cap =
      shard_cap(shards_.n, shards_.cap_fraction, shards_.cap_min_nodes, stakes.size());
  epoch.shard_counts = apportion_shards(stakes, shards_.n, cap);
  Reassignment r = reassign_shards(previous_owners, epoch.committee, epoch.shard_counts);
  epoch.owners = std::move(r.owners);
  epoch.stats.committee_size = static_cast<std::uint32_t>(epoch.committee.size());
  if (epoch.epoch == 0) return;
  for (ShardMove& move : r.moves) {
    move.cooperative = move.from != kNoNode && world_.can_hand_over(move.from);
    epoch.stats.cooperative_moves += move.cooperative ? 1U : 0U;
  }
  epoch.moves = std::move(r.moves);
  epoch.stats.shard_moves = static_cast<std::uint32_t>(epoch.moves.size());
}

}  // namespace sliversim::model
