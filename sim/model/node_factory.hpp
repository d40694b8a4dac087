// Creating nodes: their class attributes, stake, datacenter and adversary role. Placement: the
// datacenters allowed by the class (its regions and providers; all when empty), in an order
// shuffled once per class from stream ("placement", class), taken round-robin by the class's
// nodes in ordinal order (initial nodes, then joiners), so a class is spread evenly.
// Stakes: initial nodes from ("stake", class) in ordinal order; joiners from
// ("churn.join.stake", class). Adversaries: round(fraction * initial count) of the initial nodes,
// picked by a shuffle from ("adversary", class); each joiner with probability fraction, drawn
// from ("churn.join.adversary", class).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/model/node.hpp"
#include "sim/model/topology.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

class NodeFactory {
 public:
  // A factory for the classes of `nodes` placed on `topology`. REQUIRES: the config is valid
  // (every class has a datacenter matching its regions and providers); both outlive this.
  NodeFactory(const scenario::NodesConfig& nodes, const Topology& topology,
              const kernel::RngStreams& streams);

  // The nodes present at time 0, class by class in scenario order, each class in ordinal
  // order (ids are left for WorldState::add_node to assign, which numbers them in this order).
  std::vector<NodeInfo> initial_nodes();

  // A new node of `node_class` joining at `at`. REQUIRES: the class has a joins process.
  NodeInfo joiner(NodeClassId node_class, kernel::Ticks at);

 private:
  struct ClassState {
    std::vector<DatacenterId> placement;  // shuffled eligible datacenters
    std::uint32_t next_ordinal = 0;
    std::optional<kernel::Distribution> join_stake;
    kernel::Rng join_stake_rng;
    kernel::Rng join_adversary_rng;
  };

  NodeInfo make(NodeClassId node_class, double stake, kernel::Ticks at, bool adversarial);

  const scenario::NodesConfig& config_;
  const Topology& topology_;
  const kernel::RngStreams& streams_;
  std::vector<ClassState> classes_;
};

}  // namespace sliversim::model
