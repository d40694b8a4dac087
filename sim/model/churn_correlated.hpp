// Correlated outages: for each entry of `correlated_outages`, a Poisson process of
// rate_per_year incidents. Each incident picks one target uniformly (from `targets`, or every
// region / datacenter / provider of the topology when empty) and a duration (hours); every alive
// node in that entity goes down (a correlated failure each) and comes back at the end; each of
// them loses its data with data_loss_probability. Incidents are numbered 0, 1, ... in time order
// across all entries (WorldEvent::index). Draws: gap, target, duration per incident from
// ("churn.correlated", entry); the data-loss draw of a node from its own stream
// ("churn.correlated.loss", mix64(entry << 32 | incident ordinal of the entry) ^
// node_stream_entity), so it does not depend on which other nodes are affected.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/model/topology.hpp"
#include "sim/model/world_state.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

class CorrelatedOutages {
 public:
  // REQUIRES: the targets name entities of `topology` (the loader checks); world, topology and
  // streams outlive this.
  CorrelatedOutages(const std::vector<scenario::CorrelatedOutageConfig>& outages,
                    const Topology& topology, WorldState& world, const kernel::RngStreams& streams,
                    kernel::Ticks horizon);

  // Schedules every entry's first incident.
  void start();

 private:
  struct Process {
    scenario::OutageScope scope = scenario::OutageScope::kRegion;
    std::vector<std::uint32_t> targets;  // entity ids of the scope
    double mean_gap_days = 0.0;
    kernel::Distribution duration_hours;
    double data_loss_probability = 0.0;
    kernel::Rng rng;
    std::uint32_t ordinal = 0;  // incidents of this entry so far
  };
  struct Incident {
    std::vector<NodeId> affected;
  };

  void schedule_next(std::size_t process, kernel::Ticks from);
  void arrive(std::size_t process);
  bool in_entity(const NodeInfo& node, scenario::OutageScope scope, std::uint32_t entity) const;
  void finish(std::uint32_t incident);

  WorldState& world_;
  const kernel::RngStreams& streams_;
  kernel::Ticks horizon_;
  std::vector<Process> processes_;
  std::vector<Incident> incidents_;  // by incident number
};

}  // namespace sliversim::model
