// The epoch cycle: epoch e spans [e * L, (e + 1) * L), the last one cut at the horizon. At each
// boundary the ending epoch's graceful leaves are decided (phase kPhaseEpochEnd), then the new
// epoch starts (kPhaseEpochStart): its committee is every node present and neither dead nor
// left, transiently down ones included (as in Walrus, a down node stays a member); shards are
// apportioned by stake (D'Hondt, capped) and reassigned with minimal movement; each move is
// cooperative when its previous owner can hand over (WorldState::can_hand_over). Epoch 0 has
// the initial assignment and no moves.
#pragma once

#include <vector>

#include "sim/model/churn_leaves.hpp"
#include "sim/model/world_state.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

class EpochCycle {
 public:
  // REQUIRES: world and leaves outlive this; epoch_length > 0.
  EpochCycle(const scenario::ShardConfig& shards, kernel::Ticks epoch_length, WorldState& world,
             GracefulLeaves& leaves, kernel::Ticks horizon);

  // Schedules epoch 0 at time zero (later boundaries are scheduled as epochs start).
  void start();
  // Ends the last epoch at the horizon. REQUIRES: the simulation ran to the horizon.
  void finish();

 private:
  void end_epoch();
  void start_epoch();
  void assign(EpochRecord& epoch, const std::vector<NodeId>& previous_owners);

  scenario::ShardConfig shards_;
  kernel::Ticks epoch_length_;
  WorldState& world_;
  GracefulLeaves& leaves_;
  kernel::Ticks horizon_;
};

}  // namespace sliversim::model
