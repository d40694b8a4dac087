// Permanent failures: each node of a class with `permanent_failures` dies at its start time plus
// a lifetime drawn from the class's distribution (days) on the node's own stream
// ("churn.permanent", node_stream_entity); the death is scheduled when it falls before the
// horizon. A node that left gracefully before does not die.
#pragma once

#include <optional>
#include <vector>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/model/world_state.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

class PermanentFailures {
 public:
  // REQUIRES: world and streams outlive this.
  PermanentFailures(const scenario::NodesConfig& nodes, WorldState& world,
                    const kernel::RngStreams& streams, kernel::Ticks horizon);

  // Draws the node's lifetime and schedules its death (if its class has the process).
  void start_node(NodeId id);

 private:
  WorldState& world_;
  const kernel::RngStreams& streams_;
  kernel::Ticks horizon_;
  std::vector<std::optional<kernel::Distribution>> lifetime_days_;  // by class
};

}  // namespace sliversim::model
