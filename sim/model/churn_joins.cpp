// Joins: a Poisson arrival process per node class.
#include "sim/model/churn_joins.hpp"

#include "sim/kernel/samplers.hpp"

namespace sliversim::model {

Joins::Joins(const scenario::NodesConfig& nodes, WorldState& world, NodeFactory& factory,
             const kernel::RngStreams& streams, kernel::Ticks horizon,
             std::function<void(NodeId)> on_join)
    : world_(world), factory_(factory), horizon_(horizon), on_join_(std::move(on_join)) {
  for (std::size_t c = 0; c < nodes.classes.size(); ++c) {
    const auto& joins = nodes.classes[c].churn.joins;
    if (!joins || joins->rate_per_day <= 0.0) continue;
    processes_.push_back(ClassProcess{id_at<NodeClassId>(c), 1.0 / joins->rate_per_day,
                                      streams.stream("churn.join", c)});
  }
}

void Joins::start() {
  for (std::size_t p = 0; p < processes_.size(); ++p) schedule_next(p, kernel::Ticks{});
}

void Joins::schedule_next(std::size_t process, kernel::Ticks from) {
  ClassProcess& p = processes_[process];
  const kernel::Ticks at =
      from + kernel::Ticks::from_days(kernel::exponential(p.rng, p.mean_gap_days));
  if (at >= horizon_) return;
  world_.sim().schedule_at(at, kPhaseNode,
                           event_tag(WorldEventKind::kNodeJoin, index_of(p.node_class)),
                           [this, process](kernel::Simulator&) { arrive(process); });
}

void Joins::arrive(std::size_t process) {
  const kernel::Ticks now = world_.sim().now();
  const NodeId id = world_.add_node(factory_.joiner(processes_[process].node_class, now));
  on_join_(id);
  schedule_next(process, now);
}

}  // namespace sliversim::model
