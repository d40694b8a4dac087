// Transient outages: a Poisson process per node.
#include "sim/model/churn_transient.hpp"

#include "sim/kernel/samplers.hpp"
#include "sim/model/distribution_config.hpp"

namespace sliversim::model {

TransientOutages::TransientOutages(const scenario::NodesConfig& nodes, WorldState& world,
                                   const kernel::RngStreams& streams, kernel::Ticks horizon)
    : world_(world), streams_(streams), horizon_(horizon) {
  for (const auto& nc : nodes.classes) {
    const auto& process = nc.churn.transient_outages;
    if (process && process->rate_per_year > 0.0) {
      classes_.push_back(ClassProcess{kDaysPerYear / process->rate_per_year,
                                      to_distribution(process->duration_hours)});
    } else {
      classes_.emplace_back();
    }
  }
}

void TransientOutages::start_node(NodeId id) {
  const NodeInfo& info = world_.node(id);
  if (!classes_[index_of(info.node_class)]) return;
  if (rngs_.size() <= index_of(id)) rngs_.resize(index_of(id) + 1);
  rngs_[index_of(id)] =
      streams_.stream("churn.transient", node_stream_entity(info.node_class, info.ordinal));
  schedule_next(id, info.joined_at);
}

void TransientOutages::schedule_next(NodeId id, kernel::Ticks from) {
  const ClassProcess& process = *classes_[index_of(world_.node(id).node_class)];
  kernel::Rng& rng = *rngs_[index_of(id)];
  const kernel::Ticks at =
      from + kernel::Ticks::from_days(kernel::exponential(rng, process.mean_gap_days));
  if (at >= horizon_) return;
  world_.sim().schedule_at(at, kPhaseNode, event_tag(WorldEventKind::kNodeDown, index_of(id)),
                           [this, id](kernel::Simulator&) { arrive(id); });
}

void TransientOutages::arrive(NodeId id) {
  if (!world_.is_alive(id)) return;
  const ClassProcess& process = *classes_[index_of(world_.node(id).node_class)];
  kernel::Rng& rng = *rngs_[index_of(id)];
  const kernel::Ticks now = world_.sim().now();
  const kernel::Ticks end = now + kernel::Ticks::from_hours(process.duration_hours.sample(rng));
  world_.begin_outage(id, EventCause::kTransient, 0);
  if (end < horizon_) {
    world_.sim().schedule_at(
        end, kPhaseNode, event_tag(WorldEventKind::kNodeUp, index_of(id)),
        [this, id](kernel::Simulator&) { world_.end_outage(id, EventCause::kTransient, 0); });
  }
  schedule_next(id, now);
}

}  // namespace sliversim::model
