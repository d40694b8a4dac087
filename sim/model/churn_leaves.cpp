// Graceful leaves drawn per node and epoch end, plus traced leaves.
#include "sim/model/churn_leaves.hpp"

#include "sim/kernel/samplers.hpp"

namespace sliversim::model {

GracefulLeaves::GracefulLeaves(const scenario::NodesConfig& nodes, WorldState& world,
                               const kernel::RngStreams& streams)
    : world_(world), streams_(streams) {
  for (const auto& nc : nodes.classes) {
    probability_.push_back(nc.churn.graceful_leaves
                               ? std::optional(nc.churn.graceful_leaves->probability_per_epoch)
                               : std::nullopt);
  }
}

void GracefulLeaves::at_epoch_end(std::span<const NodeId> committee) {
  for (const NodeId id : committee) {
    if (!world_.is_alive(id)) continue;
    const NodeInfo& info = world_.node(id);
    bool drawn = false;
    if (const auto& p = probability_[index_of(info.node_class)]) {
      if (rngs_.size() <= index_of(id)) rngs_.resize(index_of(id) + 1);
      auto& rng = rngs_[index_of(id)];
      if (!rng)
        rng = streams_.stream("churn.leave", node_stream_entity(info.node_class, info.ordinal));
      drawn = kernel::bernoulli(*rng, *p);
    }
    if (world_.leave_requested(id)) {
      world_.leave(id, EventCause::kTrace);
    } else if (drawn) {
      world_.leave(id, EventCause::kGraceful);
    }
  }
}

}  // namespace sliversim::model
