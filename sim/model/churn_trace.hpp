// Trace replay: each line of the scenario's trace (time, node present at time 0, event) is
// applied at its time, on top of the generated churn: `fail` kills the node (data lost), `down`
// and `up` begin and end an outage (data kept), `leave` makes it leave at the next epoch end.
// Lines on a node that is already dead or left are ignored; an `up` without a traced `down`
// under way (because that `down` was ignored) is ignored too. Lines at or after the horizon are
// dropped. No randomness.
#pragma once

#include <vector>

#include "sim/model/world_state.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

class TraceReplay {
 public:
  // REQUIRES: every line's node < the number of nodes present at time 0 (checked at start);
  // world outlives this.
  TraceReplay(const scenario::TraceConfig& trace, WorldState& world, kernel::Ticks horizon);

  // Schedules every line.
  void start();

 private:
  void apply(std::size_t line);

  const scenario::TraceConfig& trace_;
  WorldState& world_;
  kernel::Ticks horizon_;
  std::vector<bool> traced_down_;  // by node: a traced outage is under way
};

}  // namespace sliversim::model
