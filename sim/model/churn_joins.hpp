// Joins: for each class with `joins` and a positive rate, a Poisson process of rate_per_day
// arrivals (gaps from ("churn.join", class)). Each arrival creates a node with NodeFactory (its
// stake and adversary role from the class's join streams), records kNodeJoin, and hands the new
// node to `on_join` so its own processes start. It enters the committee at the next epoch.
#pragma once

#include <functional>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/model/node_factory.hpp"
#include "sim/model/world_state.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

class Joins {
 public:
  // REQUIRES: world, factory and streams outlive this.
  Joins(const scenario::NodesConfig& nodes, WorldState& world, NodeFactory& factory,
        const kernel::RngStreams& streams, kernel::Ticks horizon,
        std::function<void(NodeId)> on_join);

  // Schedules every class's first arrival.
  void start();

 private:
  struct ClassProcess {
    NodeClassId node_class{};
    double mean_gap_days = 0.0;
    kernel::Rng rng;
  };

  void schedule_next(std::size_t process, kernel::Ticks from);
  void arrive(std::size_t process);

  WorldState& world_;
  NodeFactory& factory_;
  kernel::Ticks horizon_;
  std::function<void(NodeId)> on_join_;
  std::vector<ClassProcess> processes_;
};

}  // namespace sliversim::model
