// Simulating the world: everything exogenous (nodes, topology, epochs, committees and shard
// assignments, churn, blob writes and expiries, adversaries, challenge rounds) run once with the
// kernel and recorded as a WorldTrace that every storage scheme then replays.
//
// Randomness: every process draws from its own named stream of the run's seed
// (kernel::RngStreams), keyed by class, node (node_stream_entity) or scenario entry, so adding,
// removing or changing one process never changes another's draws:
//   "placement", "stake", "adversary"                      per node class (node_factory.hpp)
//   "churn.join", "churn.join.stake", "churn.join.adversary"  per node class
//   "churn.permanent", "churn.transient", "churn.leave"    per node
//   "churn.correlated", "churn.correlated.loss"            per outage entry / incident and node
//   "blobs.write", "blobs.size"                            per blob class
// Challenge rounds are at k * interval_hours for k = 1, 2, ... before the horizon.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/kernel/ticks.hpp"
#include "sim/model/world_trace.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

// Where a world run is, for progress displays.
struct WorldProgress {
  kernel::Ticks now;
  kernel::Ticks horizon;
  std::uint32_t epoch = 0;
  std::uint64_t kernel_events = 0;
};

// Told of progress a few hundred times per run (never on the model's own paths).
class WorldObserver {
 public:
  virtual ~WorldObserver() = default;
  virtual void on_progress(const WorldProgress& progress) = 0;
};

// The most epochs (and epoch-record entries), challenge rounds, and expected nodes, blobs and
// churn events a run accepts.
inline constexpr double kMaxEpochs = 1e6;
inline constexpr double kMaxChallengeRounds = 1e7;
inline constexpr double kMaxExpectedNodes = 1e7;
inline constexpr double kMaxExpectedBlobs = 1e8;
inline constexpr double kMaxExpectedEvents = 2e8;
inline constexpr double kMaxEpochRecordEntries = 5e8;  // epochs x (shards + 2 x nodes), ~4 B each

// The problems that make a valid scenario too large to simulate, each as
// "/json/pointer: expected ..., got ..." (empty when it fits): a run or an epoch shorter than a
// microsecond, or more epochs, epoch-record entries, challenge rounds, expected joiners, blobs or
// churn events than the limits above.
std::vector<std::string> check_world_limits(const scenario::ScenarioConfig& config);

// Simulates the world of `config` from seed config.run.seed up to run.duration_days (events at
// or after it do not happen) and returns its trace. `observer`, when given, is told of progress.
// REQUIRES: config is a loaded (valid) scenario and check_world_limits(config) is empty.
WorldTrace simulate_world(const scenario::ScenarioConfig& config,
                          WorldObserver* observer = nullptr);

}  // namespace sliversim::model
