// Transient outages: for each node of a class with `transient_outages`, a Poisson process of
// rate rate_per_year (a year is kDaysPerYear days) from the node's start; each arrival that
// finds the node alive begins an outage of a duration drawn from the class's distribution
// (hours); the data is kept. Arrivals continue while the node is alive, independently of the
// outages (overlapping outages merge). All draws, gap then duration per arrival, come from the
// node's own stream ("churn.transient", node_stream_entity).
#pragma once

#include <optional>
#include <vector>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/model/world_state.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

// Days in the year of the `_per_year` rates.
inline constexpr double kDaysPerYear = 365.0;

class TransientOutages {
 public:
  // REQUIRES: world and streams outlive this.
  TransientOutages(const scenario::NodesConfig& nodes, WorldState& world,
                   const kernel::RngStreams& streams, kernel::Ticks horizon);

  // Starts the node's outage process (if its class has one with a positive rate).
  void start_node(NodeId id);

 private:
  struct ClassProcess {
    double mean_gap_days = 0.0;
    kernel::Distribution duration_hours;
  };

  void schedule_next(NodeId id, kernel::Ticks from);
  void arrive(NodeId id);

  WorldState& world_;
  const kernel::RngStreams& streams_;
  kernel::Ticks horizon_;
  std::vector<std::optional<ClassProcess>> classes_;  // by class
  std::vector<std::optional<kernel::Rng>> rngs_;      // by node
};

}  // namespace sliversim::model
