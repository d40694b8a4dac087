// NodeFactory: placement, stakes and adversary roles of initial nodes and joiners.
#include "sim/model/node_factory.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

#include "sim/kernel/invariant.hpp"
#include "sim/kernel/samplers.hpp"
#include "sim/model/distribution_config.hpp"

namespace sliversim::model {
namespace {

constexpr double kBitsPerByte = 8.0;

bool allows(const std::vector<std::string>& names, const std::string& name) {
  return names.empty() || std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<DatacenterId> eligible_datacenters(const scenario::NodeClassConfig& nc,
                                               const Topology& topology) {
  std::vector<DatacenterId> out;
  for (std::size_t d = 0; d < topology.datacenter_count(); ++d) {
    const auto dc = id_at<DatacenterId>(d);
    if (allows(nc.regions, topology.region_name(topology.region_of(dc))) &&
        allows(nc.providers, topology.provider_name(topology.provider_of(dc)))) {
      out.push_back(dc);
    }
  }
  kernel::check_invariant(!out.empty(), "a node class has no datacenter to be placed in");
  return out;
}

// Which of `count` initial nodes are adversarial: the first round(fraction * count) ordinals of
// a shuffle.
std::vector<bool> initial_adversaries(double fraction, std::uint32_t count, kernel::Rng rng) {
  std::vector<std::uint32_t> ordinals(count);
  std::iota(ordinals.begin(), ordinals.end(), 0U);
  kernel::shuffle(std::span<std::uint32_t>(ordinals), rng);
  const auto picked = static_cast<std::size_t>(std::llround(fraction * count));
  std::vector<bool> out(count, false);
  for (std::size_t i = 0; i < picked && i < count; ++i) out[ordinals[i]] = true;
  return out;
}

}  // namespace

NodeFactory::NodeFactory(const scenario::NodesConfig& nodes, const Topology& topology,
                         const kernel::RngStreams& streams)
    : config_(nodes), topology_(topology), streams_(streams) {
  for (std::size_t c = 0; c < nodes.classes.size(); ++c) {
    const scenario::NodeClassConfig& nc = nodes.classes[c];
    ClassState state{eligible_datacenters(nc, topology), 0, std::nullopt,
                     streams.stream("churn.join.stake", c),
                     streams.stream("churn.join.adversary", c)};
    kernel::Rng placement_rng = streams.stream("placement", c);
    kernel::shuffle(std::span<DatacenterId>(state.placement), placement_rng);
    if (nc.churn.joins) state.join_stake = to_distribution(nc.churn.joins->stake);
    classes_.push_back(std::move(state));
  }
}

std::vector<NodeInfo> NodeFactory::initial_nodes() {
  std::vector<NodeInfo> out;
  for (std::size_t c = 0; c < config_.classes.size(); ++c) {
    const scenario::NodeClassConfig& nc = config_.classes[c];
    const kernel::Distribution stake = to_distribution(nc.stake);
    kernel::Rng stake_rng = streams_.stream("stake", c);
    const std::vector<bool> adversarial =
        initial_adversaries(nc.adversary ? nc.adversary->fraction : 0.0, nc.initial_count,
                            streams_.stream("adversary", c));
    for (std::uint32_t i = 0; i < nc.initial_count; ++i) {
      out.push_back(
          make(id_at<NodeClassId>(c), stake.sample(stake_rng), kernel::Ticks{}, adversarial[i]));
      out.back().initial = true;
    }
  }
  return out;
}

NodeInfo NodeFactory::joiner(NodeClassId node_class, kernel::Ticks at) {
  ClassState& state = classes_[index_of(node_class)];
  const scenario::NodeClassConfig& nc = config_.classes[index_of(node_class)];
  kernel::check_invariant(state.join_stake.has_value(), "a node joined a class without joins");
  const double stake = state.join_stake->sample(state.join_stake_rng);
  const bool adversarial =
      nc.adversary && kernel::bernoulli(state.join_adversary_rng, nc.adversary->fraction);
  NodeInfo info = make(node_class, stake, at, adversarial);
  info.initial = false;
  return info;
}

NodeInfo NodeFactory::make(NodeClassId node_class, double stake, kernel::Ticks at,
                           bool adversarial) {
  ClassState& state = classes_[index_of(node_class)];
  const scenario::NodeClassConfig& nc = config_.classes[index_of(node_class)];
  NodeInfo info;
  info.node_class = node_class;
  info.ordinal = state.next_ordinal++;
  info.joined_at = at;
  info.stake = stake;
  info.datacenter = state.placement[info.ordinal % state.placement.size()];
  info.region = topology_.region_of(info.datacenter);
  info.provider = topology_.provider_of(info.datacenter);
  info.uplink_bytes_per_s = nc.uplink_mbps * 1e6 / kBitsPerByte;
  info.downlink_bytes_per_s = nc.downlink_mbps * 1e6 / kBitsPerByte;
  if (adversarial) {
    const kernel::Ticks start = kernel::Ticks::from_days(nc.adversary->start_days);
    info.adversary =
        AdversaryRole{nc.adversary->action, nc.adversary->sliver_fraction, std::max(start, at)};
  }
  return info;
}

}  // namespace sliversim::model
