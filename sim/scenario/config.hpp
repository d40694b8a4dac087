// The plain configuration of one scenario: everything sim/model, the churn processes and the
// schemes read. Units are in the member names. Only sim/scenario fills these structs, from a
// validated scenario (load_scenario in loader.hpp); the defaults and ranges live in the schema
// (scenario_schema.cpp) and are documented in scenarios/README.md, so a default-constructed
// ScenarioConfig is NOT a valid scenario. No JSON here: the model never sees it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sliversim::scenario {

// The family of a probability distribution.
enum class DistKind : std::uint8_t {
  kFixed,        // always `value`
  kExponential,  // mean `mean`
  kWeibull,      // shape k = `shape`, scale lambda = `scale`
  kLogNormal,    // ln X ~ Normal(ln `median`, `sigma`^2)
  kPareto,       // shape alpha = `shape`, minimum x_m = `scale`
  kUniform,      // uniform on [`min`, `max`]
  kEmpirical,    // one of `values`, drawn with probability proportional to `weights`
};

// A distribution of non-negative values, in the unit named by the member that holds it (the
// `lifetime_days` member holds a distribution of days). Only the parameters of `kind` are set.
struct DistributionConfig {
  DistKind kind = DistKind::kFixed;
  double value = 0.0;           // kFixed
  double mean = 0.0;            // kExponential
  double shape = 0.0;           // kWeibull (k > 0), kPareto (alpha > 0)
  double scale = 0.0;           // kWeibull (lambda > 0), kPareto (x_m > 0)
  double median = 0.0;          // kLogNormal (> 0)
  double sigma = 0.0;           // kLogNormal (>= 0)
  double min = 0.0;             // kUniform (min <= max)
  double max = 0.0;             // kUniform
  std::vector<double> values;   // kEmpirical (at least one)
  std::vector<double> weights;  // kEmpirical: empty = equal weights, else one per value
};

// How long to simulate and with what seed.
struct RunConfig {
  double duration_days = 0.0;      // simulated time
  std::uint64_t seed = 0;          // root of every named RNG stream (`run --seed` overrides it)
  double memory_budget_gib = 0.0;  // representatives whose slivers exceed this are refused
};

// The shards and how they are spread over the committee.
struct ShardConfig {
  std::uint32_t n = 0;              // number of shards (f = floor((n-1)/3), k_p = n-2f, k_s = n-f)
  double cap_fraction = 0.0;        // no node holds more than this fraction of the shards...
  std::uint32_t cap_min_nodes = 0;  // ...when the committee has at least this many nodes
};

// Epochs and the shard migration at their boundaries.
struct EpochConfig {
  double length_hours = 0.0;        // epoch length (Walrus mainnet 336 = 14 days, testnet 24)
  double sync_timeout_hours = 0.0;  // a moved shard not handed over by then is recovered
};

// What an adversarial node does to the slivers it stores.
enum class AdversaryAction : std::uint8_t { kDelete, kCorrupt };

// The adversarial part of a node class.
struct AdversaryConfig {
  double fraction = 0.0;  // share of the class's nodes (initial and joining) that misbehave
  AdversaryAction action = AdversaryAction::kDelete;
  double sliver_fraction = 0.0;  // share of its slivers deleted or corrupted
  double start_days = 0.0;       // simulated time at which they act
};

// Permanent failures: a node dies after its lifetime; its data is lost.
struct PermanentFailureConfig {
  DistributionConfig lifetime_days;  // exponential or Weibull
};

// Transient outages: a node is down for a while and comes back with its data.
struct TransientOutageConfig {
  double rate_per_year = 0.0;         // outages per node per year (a Poisson process)
  DistributionConfig duration_hours;  // length of each outage
};

// Graceful leaves: a node leaves the committee at an epoch end, handing its shards over.
struct GracefulLeaveConfig {
  double probability_per_epoch = 0.0;  // chance that a node leaves at each epoch end
};

// Joins: new nodes of the class arrive and enter the committee at the next epoch.
struct JoinConfig {
  double rate_per_day = 0.0;  // arrivals per day for the whole class (a Poisson process)
  DistributionConfig stake;   // stake of each new node (the class's stake unless given)
};

// The churn processes of one node class; an empty optional means the process is off.
struct ChurnConfig {
  std::optional<PermanentFailureConfig> permanent_failures;
  std::optional<TransientOutageConfig> transient_outages;
  std::optional<GracefulLeaveConfig> graceful_leaves;
  std::optional<JoinConfig> joins;
};

// A class of nodes sharing capacity, placement, churn and behaviour.
struct NodeClassConfig {
  std::string name;                    // unique among the classes
  std::optional<std::uint32_t> count;  // as written: a node count, or...
  std::optional<double> fraction;      // ...a share of nodes.count (exactly one is set)
  std::uint32_t initial_count = 0;     // derived: the class's nodes at time 0 (fractions are
                                       // apportioned by largest remainder, ties to earlier classes)
  DistributionConfig stake;            // stake of each node (relative units)
  double uplink_mbps = 0.0;            // upload capacity per node
  double downlink_mbps = 0.0;          // download capacity per node
  std::vector<std::string> regions;    // regions the nodes may be placed in; empty = any
  std::vector<std::string> providers;  // providers the nodes may be placed with; empty = any
  ChurnConfig churn;
  std::optional<AdversaryConfig> adversary;  // empty: every node of the class is honest
};

// The storage nodes at time 0.
struct NodesConfig {
  std::uint32_t count = 0;               // total nodes at time 0 (sum of the classes' counts)
  std::vector<NodeClassConfig> classes;  // at least one
};

// Where the topology comes from.
enum class TopologySource : std::uint8_t { kGenerated, kFile };

// A datacenter: where nodes sit. Its link joins it to its region's backbone.
struct DatacenterConfig {
  std::string name;
  std::string region;
  std::string provider;
  double link_gbps = 0.0;
  double link_latency_ms = 0.0;
};

// A backbone link between two regions.
struct RegionLinkConfig {
  std::string from;
  std::string to;
  double bandwidth_gbps = 0.0;
  double latency_ms = 0.0;
};

// The explicit layout every topology resolves to, whatever its source. Names are unique within
// each list; every datacenter's region and provider, and every link's ends, are in the lists.
struct TopologyLayout {
  std::vector<std::string> regions;
  std::vector<std::string> providers;
  std::vector<DatacenterConfig> datacenters;
  std::vector<RegionLinkConfig> region_links;
};

// The network topology: generated from a few numbers, or read from a file.
struct TopologyConfig {
  TopologySource source = TopologySource::kGenerated;
  // kGenerated: `regions` x `datacenters_per_region` datacenters named "<region>-dc<i>" (i from
  // 0); datacenter number d (counting region by region) is run by providers[d mod #providers];
  // every pair of regions is linked.
  std::vector<std::string> regions;
  std::uint32_t datacenters_per_region = 0;
  std::vector<std::string> providers;
  double datacenter_link_gbps = 0.0;
  double datacenter_link_latency_ms = 0.0;
  double region_link_gbps = 0.0;
  double region_link_latency_ms = 0.0;
  // kFile: the path as written in the scenario (relative to the scenario's folder).
  std::string file;
  // Both: the resolved layout (generated as above, or the file's contents).
  TopologyLayout layout;
};

// Which kind of topology entity a correlated outage takes down.
enum class OutageScope : std::uint8_t { kRegion, kDatacenter, kProvider };

// Correlated outages: every node of one region / datacenter / provider goes down at once.
struct CorrelatedOutageConfig {
  OutageScope scope = OutageScope::kRegion;
  std::vector<std::string> targets;    // entities that can be hit (uniformly); empty = all
  double rate_per_year = 0.0;          // outage events per year (a Poisson process)
  DistributionConfig duration_hours;   // length of each outage
  double data_loss_probability = 0.0;  // chance that each affected node loses its data
};

// What happens to a node in a trace line.
enum class TraceEventKind : std::uint8_t {
  kFail,   // permanent failure: the node is gone with its data
  kDown,   // transient outage starts (data kept)
  kUp,     // transient outage ends
  kLeave,  // graceful leave at the next epoch end
};

// Index of a node present at time 0: the nodes of class 0 first, then those of class 1, ...
enum class InitialNodeIndex : std::uint32_t {};

// One line of a churn trace.
struct TraceEventConfig {
  double time_hours = 0.0;  // simulated time
  InitialNodeIndex node{};  // which node
  TraceEventKind kind = TraceEventKind::kFail;
  std::uint32_t line = 0;  // line in the trace file (for messages)
};

// A churn trace replayed in addition to the generated churn.
struct TraceConfig {
  std::string file;                      // as written in the scenario
  std::vector<TraceEventConfig> events;  // sorted by time, ties in file order
};

// A class of blobs: representatives that are really encoded, each standing for `weight` blobs.
struct BlobClassConfig {
  std::string name;                   // unique among the classes
  std::uint32_t initial_count = 0;    // representatives stored at time 0
  double write_rate_per_day = 0.0;    // representatives written per day (a Poisson process)
  DistributionConfig size_bytes;      // unencoded size of each blob
  std::uint32_t lifetime_epochs = 0;  // epochs a blob stays stored after it is written
  double weight = 0.0;                // real blobs each representative stands for
};

// The network model.
struct NetworkConfig {
  double detection_delay_seconds = 0.0;  // from a loss to the start of its repair
  bool latency_enabled = false;          // add topology latency to every transfer
};

// Storage challenges.
struct ChallengeConfig {
  double interval_hours = 0.0;        // time between challenge rounds
  std::uint32_t blobs_per_shard = 0;  // blobs sampled per shard per round
};

// One storage scheme switched on or off.
struct SchemeToggle {
  bool enabled = false;
};

// Replication with `copies` full copies of every blob.
struct ReplicationConfig {
  bool enabled = false;
  std::uint32_t copies = 0;
};

// The schemes run side by side on the same churn.
struct SchemesConfig {
  SchemeToggle redstuff;
  SchemeToggle rs_rebuild;
  ReplicationConfig replication;
  SchemeToggle msr_bound;
};

// A whole scenario.
struct ScenarioConfig {
  std::string description;
  RunConfig run;
  ShardConfig shards;
  EpochConfig epochs;
  NodesConfig nodes;
  TopologyConfig topology;
  std::vector<CorrelatedOutageConfig> correlated_outages;
  std::optional<TraceConfig> trace;  // empty: no trace replay
  std::vector<BlobClassConfig> blobs;
  NetworkConfig network;
  std::optional<ChallengeConfig> challenges;  // empty: no storage challenges
  SchemesConfig schemes;
};

}  // namespace sliversim::scenario
