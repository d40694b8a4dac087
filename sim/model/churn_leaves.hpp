// Graceful leaves at epoch ends. At each boundary, every alive member of the ending epoch's
// committee (ascending NodeId) whose class has `graceful_leaves` draws one uniform from its own
// stream ("churn.leave", node_stream_entity); it leaves when a traced leave is pending (cause
// kTrace) or else when the draw is below probability_per_epoch (cause kGraceful). Members of
// classes without the process leave only by trace.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/model/world_state.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

class GracefulLeaves {
 public:
  // REQUIRES: world and streams outlive this.
  GracefulLeaves(const scenario::NodesConfig& nodes, WorldState& world,
                 const kernel::RngStreams& streams);

  // Decides the leaves at the end of the epoch whose committee is `committee` (ascending).
  void at_epoch_end(std::span<const NodeId> committee);

 private:
  WorldState& world_;
  const kernel::RngStreams& streams_;
  std::vector<std::optional<double>> probability_;  // by class
  std::vector<std::optional<kernel::Rng>> rngs_;    // by node, made on first use
};

}  // namespace sliversim::model
