// Correlated outages of regions, datacenters and providers.
#include "sim/model/churn_correlated.hpp"

#include "sim/kernel/invariant.hpp"
#include "sim/kernel/samplers.hpp"
#include "sim/kernel/trace_digest.hpp"
#include "sim/model/churn_transient.hpp"
#include "sim/model/distribution_config.hpp"

namespace sliversim::model {
namespace {

std::size_t scope_size(const Topology& topology, scenario::OutageScope scope) {
  switch (scope) {
    case scenario::OutageScope::kRegion:
      return topology.region_count();
    case scenario::OutageScope::kDatacenter:
      return topology.datacenter_count();
    case scenario::OutageScope::kProvider:
      return topology.provider_count();
  }
  return 0;
}

std::uint32_t resolve_target(const Topology& topology, scenario::OutageScope scope,
                             const std::string& name) {
  std::optional<std::size_t> found;
  switch (scope) {
    case scenario::OutageScope::kRegion:
      if (const auto id = topology.find_region(name)) found = index_of(*id);
      break;
    case scenario::OutageScope::kDatacenter:
      if (const auto id = topology.find_datacenter(name)) found = index_of(*id);
      break;
    case scenario::OutageScope::kProvider:
      if (const auto id = topology.find_provider(name)) found = index_of(*id);
      break;
  }
  kernel::check_invariant(found.has_value(), "a correlated outage names an unknown target");
  return static_cast<std::uint32_t>(*found);
}

}  // namespace

CorrelatedOutages::CorrelatedOutages(const std::vector<scenario::CorrelatedOutageConfig>& outages,
                                     const Topology& topology, WorldState& world,
                                     const kernel::RngStreams& streams, kernel::Ticks horizon)
    : world_(world), streams_(streams), horizon_(horizon) {
  for (std::size_t e = 0; e < outages.size(); ++e) {
    const scenario::CorrelatedOutageConfig& o = outages[e];
    Process p{o.scope,
              {},
              kDaysPerYear / o.rate_per_year,
              to_distribution(o.duration_hours),
              o.data_loss_probability,
              streams.stream("churn.correlated", e),
              0};
    for (const auto& name : o.targets) p.targets.push_back(resolve_target(topology, o.scope, name));
    if (o.targets.empty()) {
      for (std::size_t i = 0; i < scope_size(topology, o.scope); ++i) {
        p.targets.push_back(static_cast<std::uint32_t>(i));
      }
    }
    processes_.push_back(std::move(p));
  }
}

void CorrelatedOutages::start() {
  for (std::size_t p = 0; p < processes_.size(); ++p) schedule_next(p, kernel::Ticks{});
}

void CorrelatedOutages::schedule_next(std::size_t process, kernel::Ticks from) {
  Process& p = processes_[process];
  if (p.targets.empty()) return;
  const kernel::Ticks at =
      from + kernel::Ticks::from_days(kernel::exponential(p.rng, p.mean_gap_days));
  if (at >= horizon_) return;
  world_.sim().schedule_at(at, kPhaseNode, event_tag(WorldEventKind::kNodeDown, process),
                           [this, process](kernel::Simulator&) { arrive(process); });
}

bool CorrelatedOutages::in_entity(const NodeInfo& node, scenario::OutageScope scope,
                                  std::uint32_t entity) const {
  switch (scope) {
    case scenario::OutageScope::kRegion:
      return index_of(node.region) == entity;
    case scenario::OutageScope::kDatacenter:
      return index_of(node.datacenter) == entity;
    case scenario::OutageScope::kProvider:
      return index_of(node.provider) == entity;
  }
  return false;
}

void CorrelatedOutages::arrive(std::size_t process) {
  Process& p = processes_[process];
  const std::uint32_t target = p.targets[kernel::uniform_below(p.rng, p.targets.size())];
  const kernel::Ticks now = world_.sim().now();
  const kernel::Ticks end = now + kernel::Ticks::from_hours(p.duration_hours.sample(p.rng));
  const auto number = static_cast<std::uint32_t>(incidents_.size());
  const std::uint64_t loss_key = kernel::mix64((std::uint64_t{process} << 32) | p.ordinal++);
  Incident incident;
  for (std::size_t i = 0; i < world_.node_count(); ++i) {
    const NodeId id = id_at<NodeId>(i);
    const NodeInfo& info = world_.node(id);
    if (!world_.is_alive(id) || !in_entity(info, p.scope, target)) continue;
    world_.begin_outage(id, EventCause::kCorrelated, number);
    incident.affected.push_back(id);
    if (p.data_loss_probability > 0.0) {
      kernel::Rng loss = streams_.stream(
          "churn.correlated.loss", loss_key ^ node_stream_entity(info.node_class, info.ordinal));
      if (kernel::bernoulli(loss, p.data_loss_probability)) world_.lose_data(id, number);
    }
  }
  ++world_.stats().correlated_incidents;
  incidents_.push_back(std::move(incident));
  if (end < horizon_) {
    world_.sim().schedule_at(end, kPhaseNode, event_tag(WorldEventKind::kNodeUp, number),
                             [this, number](kernel::Simulator&) { finish(number); });
  }
  schedule_next(process, now);
}

void CorrelatedOutages::finish(std::uint32_t incident) {
  for (const NodeId id : incidents_[incident].affected) {
    world_.end_outage(id, EventCause::kCorrelated, incident);
  }
}

}  // namespace sliversim::model
