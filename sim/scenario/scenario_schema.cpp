// The scenario schema: run, shards, epochs, topology, correlated outages, trace, blobs, network,
// challenges and schemes (the nodes section is in node_schema.cpp).
#include "sim/scenario/scenario_schema.hpp"

#include <limits>

#include "sim/scenario/distribution_spec.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxListItems = 10000;
constexpr std::int64_t kMaxBlobCount = 10000000;
constexpr std::int64_t kMaxLifetimeEpochs = 100000;
constexpr std::int64_t kMaxCopies = 1000;
constexpr double kMaxWeight = 1.0e15;
constexpr double kMaxMemoryGib = 1.0e6;
constexpr std::int64_t kMiBytes = 1048576;

StructSpec<RunConfig> run_spec() {
  using R = RunConfig;
  return StructSpec<R>::object(
      "how long to simulate, and the seed",
      {number_key("duration_days", &R::duration_days, positive(kMaxDays), by_default(365), "days",
                  "simulated time"),
       integer_key("seed", &R::seed, {0, std::numeric_limits<std::int64_t>::max()}, by_default(1),
                   "", "root of every random stream (sliversim run --seed overrides it)"),
       number_key("memory_budget_gib", &R::memory_budget_gib, positive(kMaxMemoryGib),
                  by_default(16), "GiB",
                  "a run whose representative blobs' slivers would exceed this is refused")});
}

StructSpec<ShardConfig> shards_spec() {
  using S = ShardConfig;
  return StructSpec<S>::object(
      "the shards and their assignment to nodes (D'Hondt by stake, capped, minimal movement)",
      {integer_key("n", &S::n, {kMinShards, kMaxShards}, by_default(1000), "shards",
                   "number of shards n (Walrus mainnet and testnet: 1000)"),
       number_key("cap_fraction", &S::cap_fraction, {0, 1, true, false}, by_default(0.1), "",
                  "largest share of the shards one node may hold..."),
       integer_key("cap_min_nodes", &S::cap_min_nodes, {1, kMaxNodes}, by_default(20), "nodes",
                   "...when the committee has at least this many nodes")});
}

StructSpec<EpochConfig> epochs_spec() {
  using E = EpochConfig;
  return StructSpec<E>::object(
      "epochs: the committee and shard assignment change at each boundary",
      {number_key("length_hours", &E::length_hours, positive(kMaxHours), by_default(336), "hours",
                  "epoch length (Walrus mainnet 336 = 14 days, testnet 24)"),
       number_key("sync_timeout_hours", &E::sync_timeout_hours, positive(kMaxHours), by_default(12),
                  "hours",
                  "a moved shard not handed over by then is recovered from the committee "
                  "(Walrus: 12)")});
}

StructSpec<TopologyConfig> topology_spec() {
  using T = TopologyConfig;
  const ArrayBounds names{1, kMaxListItems, "."};
  return StructSpec<T>::variant(
      "the network topology: regions, datacenters, providers and links",
      enum_key("source", &T::source,
               {{"generated", TopologySource::kGenerated}, {"file", TopologySource::kFile}},
               by_default("generated"), "where the topology comes from"),
      {},
      {{"generated",
        "regions x datacenters_per_region datacenters named <region>-dc<i>; datacenter d "
        "(counted region by region) is run by providers[d mod #providers]; all regions linked",
        {string_list_key("regions", &T::regions, names,
                         by_default(json::array({"north-america", "europe", "asia"})),
                         "region names"),
         integer_key("datacenters_per_region", &T::datacenters_per_region, {1, 1000}, by_default(2),
                     "datacenters", "datacenters in each region"),
         string_list_key("providers", &T::providers, names,
                         by_default(json::array({"provider-a", "provider-b", "provider-c"})),
                         "provider names"),
         number_key("datacenter_link_gbps", &T::datacenter_link_gbps, positive(kMaxGbps),
                    by_default(100), "Gbit/s", "bandwidth of each datacenter's link to its region"),
         number_key("datacenter_link_latency_ms", &T::datacenter_link_latency_ms,
                    non_negative(kMaxLatencyMs), by_default(1), "ms",
                    "latency of each datacenter's link to its region"),
         number_key("region_link_gbps", &T::region_link_gbps, positive(kMaxGbps), by_default(100),
                    "Gbit/s", "bandwidth of each link between two regions"),
         number_key("region_link_latency_ms", &T::region_link_latency_ms,
                    non_negative(kMaxLatencyMs), by_default(80), "ms",
                    "latency of each link between two regions")}},
       {"file",
        "read from a topology file (format: scenarios/README.md, \"Topology files\")",
        {path_key("file", &T::file, required(),
                  "the topology file, relative to the scenario's folder")}}});
}

StructSpec<CorrelatedOutageConfig> correlated_outage_spec() {
  using C = CorrelatedOutageConfig;
  return StructSpec<C>::object(
      "one kind of correlated outage",
      {enum_key("scope", &C::scope,
                {{"region", OutageScope::kRegion},
                 {"datacenter", OutageScope::kDatacenter},
                 {"provider", OutageScope::kProvider}},
                required(), "what goes down: every node of one region, datacenter or provider"),
       string_list_key("targets", &C::targets, {0, kMaxListItems, "."}, by_default(json::array()),
                       "names that can be hit, each event picking one uniformly; [] = all"),
       number_key("rate_per_year", &C::rate_per_year, positive(kMaxRatePerYear), required(),
                  "1/year", "outage events per year (Poisson)"),
       distribution_key("duration_hours", &C::duration_hours,
                        {"hours",
                         {DistKind::kFixed, DistKind::kExponential, DistKind::kWeibull,
                          DistKind::kLogNormal, DistKind::kUniform, DistKind::kEmpirical},
                         non_negative(kMaxHours)},
                        by_default(json{{"dist", "exponential"}, {"mean_hours", 12}}),
                        "length of each outage"),
       number_key("data_loss_probability", &C::data_loss_probability, closed(0, 1), by_default(0),
                  "", "chance that each affected node loses its data")});
}

StructSpec<BlobClassConfig> blob_class_spec() {
  using B = BlobClassConfig;
  return StructSpec<B>::object(
      "one class of blobs; each representative is really encoded and stands for weight blobs",
      {string_key("name", &B::name, true, required(), "unique name of the class"),
       integer_key("initial_count", &B::initial_count, {0, kMaxBlobCount}, by_default(10), "blobs",
                   "representatives stored at time 0"),
       number_key("write_rate_per_day", &B::write_rate_per_day, non_negative(kMaxRatePerDay),
                  by_default(0), "1/day", "representatives written per day (Poisson)"),
       distribution_key("size_bytes", &B::size_bytes,
                        {"bytes",
                         {DistKind::kFixed, DistKind::kUniform, DistKind::kLogNormal,
                          DistKind::kPareto, DistKind::kEmpirical},
                         non_negative(kMaxBlobBytes)},
                        by_default(json{{"dist", "fixed"}, {"value_bytes", kMiBytes}}),
                        "unencoded size of each blob (at most the largest blob for n)"),
       integer_key("lifetime_epochs", &B::lifetime_epochs, {1, kMaxLifetimeEpochs}, by_default(53),
                   "epochs", "epochs a blob stays stored after it is written"),
       number_key("weight", &B::weight, positive(kMaxWeight), by_default(1), "blobs",
                  "real blobs each representative stands for (1 = exact)")});
}

StructSpec<NetworkConfig> network_spec() {
  using N = NetworkConfig;
  return StructSpec<N>::object(
      "the network model (max-min fair flows over node and link capacities)",
      {number_key("detection_delay_seconds", &N::detection_delay_seconds,
                  non_negative(kMaxHours * 3600.0), by_default(300), "seconds",
                  "time from a loss to the start of its repair"),
       boolean_key("latency_enabled", &N::latency_enabled, by_default(false),
                   "add the topology's latency to every transfer")});
}

StructSpec<ChallengeConfig> challenges_spec() {
  using C = ChallengeConfig;
  return StructSpec<C>::object(
      "storage challenges",
      {number_key("interval_hours", &C::interval_hours, positive(kMaxHours), by_default(24),
                  "hours", "time between challenge rounds"),
       integer_key("blobs_per_shard", &C::blobs_per_shard, {1, kMaxBlobCount}, by_default(1),
                   "blobs", "blobs sampled per shard per round")});
}

StructSpec<SchemesConfig> schemes_spec() {
  const auto toggle = StructSpec<SchemeToggle>::object(
      "a storage scheme",
      {boolean_key("enabled", &SchemeToggle::enabled, by_default(true), "run this scheme")});
  const auto replication = StructSpec<ReplicationConfig>::object(
      "r-way replication",
      {boolean_key("enabled", &ReplicationConfig::enabled, by_default(true), "run this scheme"),
       integer_key("copies", &ReplicationConfig::copies, {1, kMaxCopies}, by_default(3), "copies",
                   "copies r of every blob, on distinct nodes")});
  using S = SchemesConfig;
  return StructSpec<S>::object(
      "the schemes compared on the same churn",
      {struct_key("redstuff", &S::redstuff, toggle, by_default(json::object()),
                  "RedStuff 2-D recovery (real codec)"),
       struct_key("rs_rebuild", &S::rs_rebuild, toggle, by_default(json::object()),
                  "1-D Reed-Solomon with k = k_p, full-blob rebuild (real codec)"),
       struct_key("replication", &S::replication, replication, by_default(json::object()), ""),
       struct_key("msr_bound", &S::msr_bound, toggle, by_default(json::object()),
                  "the MSR cut-set bound (analytic)")});
}

StructSpec<ScenarioConfig> build_scenario_spec() {
  using S = ScenarioConfig;
  const auto trace = StructSpec<TraceConfig>::object(
      "a churn trace replayed on top of the generated churn (format: scenarios/README.md)",
      {path_key("file", &TraceConfig::file, required(),
                "the trace file, relative to the scenario's folder")});
  return StructSpec<S>::object(
      "a scenario",
      {string_key("description", &S::description, false, by_default(""),
                  "free text: what the scenario is for"),
       struct_key("run", &S::run, run_spec(), by_default(json::object()), ""),
       struct_key("shards", &S::shards, shards_spec(), by_default(json::object()), ""),
       struct_key("epochs", &S::epochs, epochs_spec(), by_default(json::object()), ""),
       struct_key("nodes", &S::nodes, nodes_spec(), by_default(json::object()), ""),
       struct_key("topology", &S::topology, topology_spec(), by_default(json::object()), ""),
       struct_list_key("correlated_outages", &S::correlated_outages, correlated_outage_spec(),
                       {0, kMaxListItems, ""}, by_default(json::array()),
                       "correlated outages of regions, datacenters or providers"),
       optional_struct_key("trace", &S::trace, trace, "trace replay; absent or null: none"),
       struct_list_key("blobs", &S::blobs, blob_class_spec(), {0, kMaxListItems, "name"},
                       by_default(json::array({{{"name", "default"}}})),
                       "blob classes (representative blobs)"),
       struct_key("network", &S::network, network_spec(), by_default(json::object()), ""),
       optional_struct_key("challenges", &S::challenges, challenges_spec(),
                           "storage challenges; absent or null: none"),
       struct_key("schemes", &S::schemes, schemes_spec(), by_default(json::object()), "")});
}

}  // namespace

const StructSpec<ScenarioConfig>& scenario_spec() {
  static const StructSpec<ScenarioConfig> spec = build_scenario_spec();
  return spec;
}

}  // namespace sliversim::scenario
