// Permanent failures at the end of each node's lifetime.
#include "sim/model/churn_permanent.hpp"

#include "sim/model/distribution_config.hpp"

namespace sliversim::model {

PermanentFailures::PermanentFailures(const scenario::NodesConfig& nodes, WorldState& world,
                                     const kernel::RngStreams& streams, kernel::Ticks horizon)
    : world_(world), streams_(streams), horizon_(horizon) {
  for (const auto& nc : nodes.classes) {
    lifetime_days_.push_back(
        nc.churn.permanent_failures
            ? std::optional(to_distribution(nc.churn.permanent_failures->lifetime_days))
            : std::nullopt);
  }
}

void PermanentFailures::start_node(NodeId id) {
  const NodeInfo& info = world_.node(id);
  const auto& lifetime = lifetime_days_[index_of(info.node_class)];
  if (!lifetime) return;
  kernel::Rng rng =
      streams_.stream("churn.permanent", node_stream_entity(info.node_class, info.ordinal));
  const kernel::Ticks death = info.joined_at + kernel::Ticks::from_days(lifetime->sample(rng));
  if (death >= horizon_) return;
  world_.sim().schedule_at(
      death, kPhaseNode, event_tag(WorldEventKind::kNodeFail, index_of(id)),
      [this, id](kernel::Simulator&) { world_.fail(id, EventCause::kPermanent); });
}

}  // namespace sliversim::model
