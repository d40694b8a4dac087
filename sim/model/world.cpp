// simulate_world: wires the world's processes to one kernel Simulator and runs it.
#include "sim/model/world.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/simulator.hpp"
#include "sim/model/blob_population.hpp"
#include "sim/model/churn_correlated.hpp"
#include "sim/model/churn_joins.hpp"
#include "sim/model/churn_leaves.hpp"
#include "sim/model/churn_permanent.hpp"
#include "sim/model/churn_trace.hpp"
#include "sim/model/churn_transient.hpp"
#include "sim/model/epoch_cycle.hpp"
#include "sim/model/node_factory.hpp"
#include "sim/model/world_state.hpp"

namespace sliversim::model {
namespace {

// Challenge rounds at k * interval for k = 1, 2, ... before the horizon.
class ChallengeRounds {
 public:
  ChallengeRounds(kernel::Ticks interval, WorldState& world, kernel::Ticks horizon)
      : interval_(interval), world_(world), horizon_(horizon) {}

  void schedule(std::uint32_t round) {
    const kernel::Ticks at = interval_ * (std::int64_t{round} + 1);
    if (at >= horizon_) return;
    world_.sim().schedule_at(at, kPhaseChallenge, event_tag(WorldEventKind::kChallengeRound, round),
                             [this, round](kernel::Simulator&) {
                               world_.challenge_round(round);
                               schedule(round + 1);
                             });
  }

 private:
  kernel::Ticks interval_;
  WorldState& world_;
  kernel::Ticks horizon_;
};

// Expected churn events: outages (two events each) per node-year, correlated incidents
// (touching every node at worst), lifetimes, leaves and trace lines.
double expected_churn_events(const scenario::ScenarioConfig& config, double expected_nodes) {
  const double years = config.run.duration_days / kDaysPerYear;
  double events = 3.0 * expected_nodes;
  for (const auto& nc : config.nodes.classes) {
    if (!nc.churn.transient_outages) continue;
    double class_nodes = nc.initial_count;
    if (nc.churn.joins) class_nodes += nc.churn.joins->rate_per_day * config.run.duration_days;
    events += 2.0 * class_nodes * nc.churn.transient_outages->rate_per_year * years;
  }
  for (const auto& o : config.correlated_outages) {
    events += 3.0 * o.rate_per_year * years * expected_nodes;
  }
  if (config.trace) events += static_cast<double>(config.trace->events.size());
  return events;
}

std::string too_many(const char* pointer, const char* what, double limit, double got) {
  return fmt::format("{}: expected at most {:g} {}, got {:.6g}", pointer, limit, what, got);
}

}  // namespace

namespace {

double expected_nodes(const scenario::ScenarioConfig& config) {
  double nodes = config.nodes.count;
  for (const auto& nc : config.nodes.classes) {
    if (nc.churn.joins) nodes += nc.churn.joins->rate_per_day * config.run.duration_days;
  }
  return nodes;
}

// The run, its epochs (and the memory of their records) and the challenge rounds.
void check_time_limits(const scenario::ScenarioConfig& config, std::vector<std::string>& out) {
  const double days = config.run.duration_days;
  if (kernel::Ticks::from_days(days) < kernel::Ticks::microseconds(1)) {
    out.push_back(
        fmt::format("/run/duration_days: expected at least one microsecond, got {:g}", days));
  }
  const double epochs = days * 24.0 / config.epochs.length_hours;
  const double entries = epochs * (config.shards.n + 2.0 * expected_nodes(config));
  if (kernel::Ticks::from_hours(config.epochs.length_hours) < kernel::Ticks::microseconds(1)) {
    out.push_back(fmt::format("/epochs/length_hours: expected at least one microsecond, got {:g}",
                              config.epochs.length_hours));
  } else if (epochs > kMaxEpochs) {
    out.push_back(too_many("/epochs/length_hours", "epochs in the run", kMaxEpochs, epochs));
  } else if (entries > kMaxEpochRecordEntries) {
    out.push_back(too_many("/epochs/length_hours",
                           "epoch record entries (epochs x (shards + 2 x nodes))",
                           kMaxEpochRecordEntries, entries));
  }
  if (config.challenges) {
    const double rounds = days * 24.0 / config.challenges->interval_hours;
    if (rounds > kMaxChallengeRounds) {
      out.push_back(too_many("/challenges/interval_hours", "challenge rounds in the run",
                             kMaxChallengeRounds, rounds));
    }
  }
}

// Nodes, blobs and churn events.
void check_population_limits(const scenario::ScenarioConfig& config,
                             std::vector<std::string>& out) {
  const double nodes = expected_nodes(config);
  if (nodes > kMaxExpectedNodes) {
    out.push_back(too_many("/nodes/classes", "expected nodes (initial plus joiners)",
                           kMaxExpectedNodes, nodes));
  }
  double blobs = 0.0;
  for (const auto& bc : config.blobs) {
    blobs += bc.initial_count + bc.write_rate_per_day * config.run.duration_days;
  }
  if (blobs > kMaxExpectedBlobs) {
    out.push_back(too_many("/blobs", "expected blobs", kMaxExpectedBlobs, blobs));
  }
  if (const double events = expected_churn_events(config, nodes); events > kMaxExpectedEvents) {
    out.push_back(too_many("/nodes/classes", "expected churn events", kMaxExpectedEvents, events));
  }
}

}  // namespace

std::vector<std::string> check_world_limits(const scenario::ScenarioConfig& config) {
  std::vector<std::string> problems;
  check_time_limits(config, problems);
  check_population_limits(config, problems);
  return problems;
}

namespace {

// The trace's header: everything known before the run.
WorldTrace empty_trace(const scenario::ScenarioConfig& config) {
  WorldTrace trace;
  trace.seed = config.run.seed;
  trace.n_shards = config.shards.n;
  trace.duration = kernel::Ticks::from_days(config.run.duration_days);
  trace.epoch_length = kernel::Ticks::from_hours(config.epochs.length_hours);
  trace.topology = std::make_shared<const Topology>(config.topology.layout);
  for (const auto& nc : config.nodes.classes) trace.node_class_names.push_back(nc.name);
  for (const auto& bc : config.blobs) {
    trace.blob_class_names.push_back(bc.name);
    trace.blob_class_weights.push_back(bc.weight);
  }
  return trace;
}

// One world run: the simulator and every process, wired together. Recording into `trace`.
class WorldRun {
 public:
  WorldRun(const scenario::ScenarioConfig& config, WorldTrace& trace)
      : config_(config),
        trace_(trace),
        horizon_(trace.duration),
        streams_(config.run.seed),
        sim_(config.run.seed),
        world_(sim_, trace),
        factory_(config.nodes, *trace.topology, streams_),
        permanent_(config.nodes, world_, streams_, horizon_),
        transient_(config.nodes, world_, streams_, horizon_),
        leaves_(config.nodes, world_, streams_),
        epochs_(config.shards, trace.epoch_length, world_, leaves_, horizon_),
        joins_(config.nodes, world_, factory_, streams_, horizon_,
               [this](NodeId id) { start_node(id); }),
        correlated_(config.correlated_outages, *trace.topology, world_, streams_, horizon_),
        blobs_(config.blobs, config.shards.n, trace.epoch_length, world_, streams_, horizon_) {}

  // Determinism: the order of these calls fixes the sequence numbers of simultaneous events.
  void start() {
    epochs_.start();
    for (const NodeInfo& info : factory_.initial_nodes()) start_node(world_.add_node(info));
    trace_.initial_nodes = static_cast<std::uint32_t>(world_.node_count());
    joins_.start();
    correlated_.start();
    if (config_.trace) {
      replay_.emplace(*config_.trace, world_, horizon_);
      replay_->start();
    }
    blobs_.start();
    if (config_.challenges) {
      challenges_.emplace(kernel::Ticks::from_hours(config_.challenges->interval_hours), world_,
                          horizon_);
      challenges_->schedule(0);
    }
  }

  // Runs to the horizon (in a few hundred steps when observed), then closes the trace.
  void run(WorldObserver* observer) {
    if (observer == nullptr) {
      sim_.run_until(horizon_);
    } else {
      const std::int64_t step = std::max<std::int64_t>(horizon_.count() / 400, 1);
      for (kernel::Ticks t{}; t < horizon_;) {
        t = std::min(t + kernel::Ticks::microseconds(step), horizon_);
        sim_.run_until(t);
        observer->on_progress(WorldProgress{t, horizon_,
                                            static_cast<std::uint32_t>(trace_.epochs.size() - 1),
                                            sim_.executed_count()});
      }
    }
    epochs_.finish();
    trace_.digest_hex = sim_.digest_hex();
    trace_.kernel_events = sim_.executed_count();
  }

 private:
  // Starts a new node's own processes: lifetime, outages, adversary role.
  void start_node(NodeId id) {
    permanent_.start_node(id);
    transient_.start_node(id);
    const auto& role = world_.node(id).adversary;
    if (role && role->acts_at < horizon_) {
      sim_.schedule_at(role->acts_at, kPhaseNode,
                       event_tag(WorldEventKind::kAdversaryStart, index_of(id)),
                       [this, id](kernel::Simulator&) { world_.start_adversary(id); });
    }
  }

  const scenario::ScenarioConfig& config_;
  WorldTrace& trace_;
  kernel::Ticks horizon_;
  kernel::RngStreams streams_;
  kernel::Simulator sim_;
  WorldState world_;
  NodeFactory factory_;
  PermanentFailures permanent_;
  TransientOutages transient_;
  GracefulLeaves leaves_;
  EpochCycle epochs_;
  Joins joins_;
  CorrelatedOutages correlated_;
  BlobPopulation blobs_;
  std::optional<TraceReplay> replay_;
  std::optional<ChallengeRounds> challenges_;
};

}  // namespace

WorldTrace simulate_world(const scenario::ScenarioConfig& config, WorldObserver* observer) {
  WorldTrace trace = empty_trace(config);
  {
    WorldRun run(config, trace);
    run.start();
    run.run(observer);
  }
  return trace;
}

}  // namespace sliversim::model
