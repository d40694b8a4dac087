// The "nodes" part of the scenario schema: node classes with their stake, capacity, placement,
// churn processes and adversarial behaviour.
#include <limits>

#include "sim/scenario/distribution_spec.hpp"
#include "sim/scenario/scenario_schema.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxClasses = 256;
constexpr std::size_t kMaxNames = 10000;

DistributionDomain stake_domain() {
  return {"",
          {DistKind::kFixed, DistKind::kUniform, DistKind::kLogNormal, DistKind::kPareto,
           DistKind::kEmpirical},
          {0.0, kMaxStake, true, false}};
}

DistributionDomain duration_hours_domain() {
  return {"hours",
          {DistKind::kFixed, DistKind::kExponential, DistKind::kWeibull, DistKind::kLogNormal,
           DistKind::kUniform, DistKind::kEmpirical},
          non_negative(kMaxHours)};
}

StructSpec<AdversaryConfig> adversary_spec() {
  using A = AdversaryConfig;
  return StructSpec<A>::object(
      "adversarial nodes of the class",
      {number_key("fraction", &A::fraction, closed(0, 1), required(), "",
                  "share of the class's nodes (initial and joining) that are adversarial"),
       enum_key("action", &A::action,
                {{"delete", AdversaryAction::kDelete}, {"corrupt", AdversaryAction::kCorrupt}},
                by_default("delete"), "what they do to the slivers they store"),
       number_key("sliver_fraction", &A::sliver_fraction, {0, 1, true, false}, by_default(1), "",
                  "share of their slivers deleted or corrupted"),
       number_key("start_days", &A::start_days, non_negative(kMaxDays), by_default(0), "days",
                  "simulated time at which they act")});
}

StructSpec<ChurnConfig> churn_spec() {
  const auto permanent = StructSpec<PermanentFailureConfig>::object(
      "permanent failures: the node dies with its data",
      {distribution_key("lifetime_days", &PermanentFailureConfig::lifetime_days,
                        {"days", {DistKind::kExponential, DistKind::kWeibull}, positive(kMaxDays)},
                        required(), "time from a node's start (time 0 or its join) to its death")});
  const auto transient = StructSpec<TransientOutageConfig>::object(
      "transient outages: the node is unreachable, then returns with its data",
      {number_key("rate_per_year", &TransientOutageConfig::rate_per_year,
                  non_negative(kMaxRatePerYear), required(), "1/year",
                  "outages per node per year (Poisson)"),
       distribution_key(
           "duration_hours", &TransientOutageConfig::duration_hours, duration_hours_domain(),
           by_default(json{{"dist", "exponential"}, {"mean_hours", 4}}), "length of each outage")});
  const auto leaves = StructSpec<GracefulLeaveConfig>::object(
      "graceful leaves at epoch ends (shards are handed over cooperatively)",
      {number_key("probability_per_epoch", &GracefulLeaveConfig::probability_per_epoch,
                  closed(0, 1), required(), "", "chance that a node leaves at each epoch end")});
  const auto joins = StructSpec<JoinConfig>::object(
      "new nodes of the class joining; they enter the committee at the next epoch",
      {number_key("rate_per_day", &JoinConfig::rate_per_day, non_negative(kMaxRatePerDay),
                  required(), "1/day", "arrivals per day for the whole class (Poisson)"),
       distribution_key("stake", &JoinConfig::stake, stake_domain(), derived("the class's stake"),
                        "stake of each new node")});
  using C = ChurnConfig;
  return StructSpec<C>::object(
      "churn processes of the class; each is off when absent or null",
      {optional_struct_key("permanent_failures", &C::permanent_failures, permanent, ""),
       optional_struct_key("transient_outages", &C::transient_outages, transient, ""),
       optional_struct_key("graceful_leaves", &C::graceful_leaves, leaves, ""),
       optional_struct_key("joins", &C::joins, joins, "")});
}

void check_count_or_fraction(const json& v, const std::string& ptr, Problems& out) {
  const bool has_count = !v.at("count").is_null();
  const bool has_fraction = !v.at("fraction").is_null();
  if (has_count == has_fraction) {
    out.push_back({ptr, std::string("expected exactly one of \"count\" and \"fraction\", got ") +
                            (has_count ? "both" : "neither")});
  }
}

StructSpec<NodeClassConfig> node_class_spec() {
  using N = NodeClassConfig;
  return StructSpec<N>::object(
      "one class of nodes",
      {string_key("name", &N::name, true, required(), "unique name of the class"),
       integer_key("count", &N::count, {0, kMaxNodes}, nullable(), "nodes",
                   "number of nodes of the class at time 0 (give this or fraction)"),
       number_key("fraction", &N::fraction, closed(0, 1), nullable(), "",
                  "share of nodes.count in the class (give this or count)"),
       distribution_key("stake", &N::stake, stake_domain(),
                        by_default(json{{"dist", "fixed"}, {"value", 1}}),
                        "stake of each node (relative units; shards follow stake)"),
       number_key("uplink_mbps", &N::uplink_mbps, positive(kMaxMbps), by_default(1000), "Mbit/s",
                  "upload capacity of each node"),
       number_key("downlink_mbps", &N::downlink_mbps, positive(kMaxMbps), by_default(1000),
                  "Mbit/s", "download capacity of each node"),
       string_list_key("regions", &N::regions, {0, kMaxNames, "."}, by_default(json::array()),
                       "regions the nodes are spread over (round-robin over matching "
                       "datacenters); [] = all"),
       string_list_key("providers", &N::providers, {0, kMaxNames, "."}, by_default(json::array()),
                       "providers the nodes are spread over; [] = all"),
       struct_key("churn", &N::churn, churn_spec(), by_default(json::object()), ""),
       optional_struct_key("adversary", &N::adversary, adversary_spec(),
                           "adversarial behaviour; absent or null: all honest")},
      check_count_or_fraction);
}

}  // namespace

StructSpec<NodesConfig> nodes_spec() {
  using N = NodesConfig;
  return StructSpec<N>::object(
      "the storage nodes at time 0",
      {integer_key("count", &N::count, {1, kMaxNodes},
                   derived("the sum of the class counts, or "
                           "120 when classes give fractions"),
                   "nodes", "total number of nodes at time 0"),
       struct_list_key("classes", &N::classes, node_class_spec(), {1, kMaxClasses, "name"},
                       by_default(json::array({{{"name", "default"}, {"fraction", 1}}})),
                       "node classes; each gives count or fraction (all classes the same way)")});
}

}  // namespace sliversim::scenario
