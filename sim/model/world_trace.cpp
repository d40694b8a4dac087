// WorldTrace helpers.
#include "sim/model/world_trace.hpp"

namespace sliversim::model {

kernel::Ticks node_latency(const WorldTrace& trace, NodeId a, NodeId b) {
  return trace.topology->latency(trace.nodes[index_of(a)].datacenter,
                                 trace.nodes[index_of(b)].datacenter);
}

}  // namespace sliversim::model
