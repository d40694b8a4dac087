// The scheme driver: replays one recorded world (WorldTrace) through one storage scheme in its own
// kernel Simulator, with its own network, unit store, repairs, epoch migration, challenges,
// durability and metrics (design: sim/schemes/README.md). Everything it computes is a pure
// function of the trace, the scheme and the options; drivers of different schemes share nothing
// and may run on different threads.
//
// Implementation files, one concern each: driver.cpp (replay of world events and node state),
// driver_repairs.cpp (repair jobs, flows, codec execution), driver_epoch_sync.cpp (epoch
// changes, transfers, timeouts), driver_durability.cpp (valid/reachable unit counts, losses,
// unavailability), driver_challenges.cpp (adversaries and challenge rounds).
//
// Choices where the design is silent:
// - A repair job is every unit one node is to recover, planned at one instant (all its shards).
//   The codec runs when the jobs are planned, one execute_repairs per blob for all the targets
//   planned at that instant (on every node), so helpers expand their units once per wave; the
//   rebuilt units stay hidden (the driver sees their old state) until the job's flows complete,
//   and are dropped if the job is cut. Helper parts on the recovering node itself are counted in
//   the bytes but make no flow.
// - Repair bytes are counted when the job's flows complete (a cut job's partial flows go to
//   aborted_bytes); a helper caught lying still cost its bytes, and the unit is re-planned at once.
// - Flows cross the two nodes' up/downlinks only (no shared backbone links); with
//   latency_enabled they start after the topology latency.
// - A down owner misses writes and, once up, recovers every absent unit of its shards after the
//   detection delay. A node losing data recovers after the delay; a dead node's shards wait for
//   the next epoch. Down owners are not challenged, nor units already being repaired.
// - A graceful leaver hands its shards over like an up node. A node that failed a challenge or
//   was caught lying is no longer used as a helper or a transfer source.
// - An epoch change whose quorum is never synced within its epoch has no duration (null).
// - Lost blobs, unavailable blob-seconds, repairs and bytes are weighted by the blob's weight;
//   unavailability is split at epoch boundaries; lost blobs keep their remaining units.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/simulator.hpp"
#include "sim/kernel/ticks.hpp"
#include "sim/model/network.hpp"
#include "sim/model/world_trace.hpp"
#include "sim/scenario/config.hpp"
#include "sim/schemes/scheme_metrics.hpp"
#include "sim/schemes/storage_scheme.hpp"
#include "sim/schemes/unit_store.hpp"

namespace sliversim::schemes {

// The driver's own kernel phases, after every world phase at the same instant.
inline constexpr kernel::Phase kPhaseNetwork{60};
inline constexpr kernel::Phase kPhaseSyncTimeout{65};
inline constexpr kernel::Phase kPhaseRepairPlan{70};
inline constexpr kernel::Phase kPhaseRepairDone{75};

// What the driver needs from the scenario besides the trace.
struct DriverOptions {
  kernel::Ticks detection_delay;  // from a detected loss to the start of its repair
  kernel::Ticks sync_timeout;     // a moved shard not handed over by then is recovered
  bool latency_enabled = false;   // flows start after the topology latency
  std::uint32_t challenge_blobs_per_shard = 0;  // blobs sampled per shard per challenge round
  // Blobs whose planned repairs execute at once, each on its own thread (their results are applied
  // in blob order, so nothing depends on it): schemes run one at a time fill the cores with it.
  unsigned repair_blobs_at_once = 1;
};

// The options of a scenario.
DriverOptions driver_options(const scenario::ScenarioConfig& config);

// What one scheme's replay produced.
struct SchemeOutcome {
  std::string name;
  bool analytic = false;
  std::size_t read_threshold = 0;
  SchemeMetrics metrics{1};
  std::uint64_t kernel_events = 0;    // events the scheme's simulator ran
  std::string digest_hex;             // its trace digest
  model::NetworkCounters network;     // flows and rate solves
  std::uint64_t peak_held_bytes = 0;  // largest store size seen at a blob write
  std::uint64_t codec_calls = 0;      // execute_repairs calls
  std::uint64_t codec_targets = 0;    // units they were asked to rebuild
  // Wall-clock seconds (vary from run to run; reported under `timing` only).
  double wall_seconds = 0.0;    // the whole replay
  double encode_seconds = 0.0;  // inside encode
  double repair_seconds = 0.0;  // inside execute_repairs
};

// How far one scheme's replay has come (for a progress display; the model never reads it).
struct SchemeProgress {
  std::size_t scheme = 0;  // its position in run_schemes' list
  std::string_view name;
  kernel::Ticks now;
  kernel::Ticks horizon;
  std::uint64_t kernel_events = 0;
  bool done = false;
};

// Told of the replays' progress a few hundred times per scheme, from the threads that run them
// (implementations synchronise).
class SchemeObserver {
 public:
  virtual ~SchemeObserver() = default;
  virtual void on_scheme_progress(const SchemeProgress& progress) = 0;
};

// The deterministic content of representative blob `blob` of `size` bytes: the stream
// (seed, "blob_content", blob) as little-endian 64-bit words, truncated; produced as it is read,
// so a write holds no copy of the blob.
class BlobStream final : public BlobContent {
 public:
  BlobStream(std::uint64_t seed, model::BlobIndex blob, std::uint64_t size);
  std::uint64_t size() const override { return size_; }
  void read(std::span<std::uint8_t> out) override;

 private:
  kernel::Rng rng_;
  std::uint64_t size_;
  std::uint64_t read_ = 0;
  std::uint64_t word_ = 0;  // the word being read out
  unsigned word_left_ = 0;  // its bytes not read yet
};

// The whole content of BlobStream(seed, blob, size).
std::vector<std::uint8_t> blob_content(std::uint64_t seed, model::BlobIndex blob,
                                       std::uint64_t size);

// The 64-bit hash that decides whether an adversary touches (node, blob, shard): mix64 chained
// over (seed, node, blob, shard). The unit is hit when hash / 2^64 < the node's sliver_fraction,
// so every scheme hits the same set.
std::uint64_t adversary_hash(std::uint64_t seed, model::NodeId node, model::BlobIndex blob,
                             model::ShardId shard);

class SchemeDriver {
 public:
  // A driver of `scheme` over `trace`. REQUIRES: both outlive the driver; the trace has at
  // least one epoch; the scheme is fresh (nothing encoded).
  SchemeDriver(const model::WorldTrace& trace, StorageScheme& scheme, DriverOptions options);
  ~SchemeDriver();
  SchemeDriver(const SchemeDriver&) = delete;
  SchemeDriver& operator=(const SchemeDriver&) = delete;

  // Replays the whole trace (to its duration) and returns the measurements, telling `observer`
  // (if any) of its progress as scheme number `index`. Call once. The replay always runs in the
  // same few hundred steps, so the results never depend on the observer.
  SchemeOutcome run(SchemeObserver* observer = nullptr, std::size_t index = 0);

  // The units stored now (for tests, after run()).
  const UnitStore& store() const { return store_; }
  // True when the blob was lost in this scheme.
  bool is_lost(model::BlobIndex blob) const { return blobs_[model::index_of(blob)].lost; }

 private:
  using UnitKey = std::pair<std::uint32_t, std::uint32_t>;  // (blob, shard)

  struct NodeStatus {
    model::NodeState state = model::NodeState::kUp;
    bool joined = false;
    bool adversary_active = false;  // has started misbehaving
    bool caught = false;            // failed a challenge or caught lying: not used as helper
  };
  struct BlobStatus {
    bool live = false;
    bool lost = false;
    std::uint32_t valid = 0;      // shards holding a valid unit
    std::uint32_t reachable = 0;  // of those, with an up owner
    std::optional<kernel::Ticks> unavailable_since;
  };
  enum class RepairStage : std::uint8_t { kDetecting, kInJob, kWaiting };
  struct UnitRepair {
    RepairStage stage = RepairStage::kDetecting;
    std::uint64_t job = 0;                 // kInJob
    std::vector<model::ShardId> excluded;  // helpers caught lying for this unit
  };
  struct JobUnit {
    model::BlobIndex blob{};
    model::ShardId shard{};
    RepairPlan plan;
    RepairResult result;  // of the codec, run when the job was planned
    bool executed = false;
  };
  // One blob's share of a batch of planned units (driver_repairs.cpp).
  struct BlobRepairs;
  // A unit rebuilt (or partly) at planning time whose new state stays hidden until its job's
  // flows complete: the driver sees `shown` meanwhile.
  struct Hidden {
    UnitState shown = UnitState::kAbsent;
    std::uint64_t job = 0;
  };
  // The units one node recovers from one planning instant, in (blob, shard) order.
  struct Job {
    model::NodeId node{};
    std::vector<JobUnit> units;
    std::vector<model::FlowId> flows;
    std::size_t flows_left = 0;
    kernel::Ticks started;
    std::uint32_t epoch = 0;
  };
  struct Transfer {
    model::FlowId flow{};
    model::NodeId from{};
    std::vector<std::pair<model::BlobIndex, std::uint64_t>> blobs;  // weighted bytes each
    std::uint64_t bytes = 0;
  };

  // driver.cpp: replay and node events.
  void schedule_world_events();
  void apply(const model::WorldEvent& event);
  void on_node_down(model::NodeId node);
  void on_node_up(model::NodeId node);
  void on_data_loss(model::NodeId node, bool dead);
  void on_flow_failed(const model::FlowEnd& end, model::NodeId dead_node);
  void on_blob_write(model::BlobIndex blob);
  void on_blob_expire(model::BlobIndex blob);
  std::vector<model::ShardId> shards_of(model::NodeId node) const;
  bool is_up(model::NodeId node) const;
  void erase_unit(model::BlobIndex blob, model::ShardId shard);
  void finish_run();
  void record_epoch_peak();

  // driver_durability.cpp
  void recount_blob(model::BlobIndex blob);
  void recount_all();
  void on_unit_changed(model::BlobIndex blob, model::ShardId shard, bool was_valid);
  void on_reachability_changed(model::NodeId node, bool up);
  void check_blob(model::BlobIndex blob);
  void mark_lost(model::BlobIndex blob);
  void close_unavailability(model::BlobIndex blob);

  // driver_repairs.cpp
  void request_repair(model::BlobIndex blob, model::ShardId shard, kernel::Ticks delay);
  void enqueue(UnitKey key, kernel::Ticks delay);
  void plan_due(kernel::Ticks due);
  std::uint64_t plan_job(model::NodeId node, const std::vector<UnitKey>& units);
  void execute_planned(const std::vector<std::uint64_t>& ids);
  UnitState unit_state(model::BlobIndex blob, model::ShardId shard) const;
  void drop_hidden(model::BlobIndex blob, model::ShardId shard, std::uint64_t job);
  std::vector<ShardAvailability> availability(model::BlobIndex blob, model::ShardId target,
                                              const std::vector<model::ShardId>& excluded) const;
  void start_job(std::uint64_t id, Job job);
  void on_job_flow_done(std::uint64_t id);
  void complete_job(std::uint64_t id);
  bool apply_unit(std::uint64_t id, const JobUnit& unit);
  bool in_job(const JobUnit& unit, std::uint64_t id) const;
  void finish_unit_repair(const JobUnit& unit, const RepairResult& result, bool was_valid);
  void count_plan_bytes(const RepairPlan& plan, double weight);
  void abort_job(std::uint64_t id, bool replan);
  void retry_waiting();
  void forget_repairs(model::BlobIndex blob);

  // driver_epoch_sync.cpp
  void on_epoch_start(std::uint32_t epoch);
  void move_shard(model::ShardId shard, model::NodeId from, model::NodeId to);
  void recover_shard(model::ShardId shard);
  void on_transfer_done(model::ShardId shard);
  void on_sync_timeout(std::uint32_t epoch);
  void switch_to_recovery(model::ShardId shard, std::uint64_t bytes_moved);
  void abort_transfers_from(model::NodeId node);
  void check_shard_synced(model::ShardId shard);
  void check_all_unsynced();
  void check_quorum();
  void untrack_shard(model::ShardId shard);
  bool shard_complete(model::ShardId shard) const;

  // driver_challenges.cpp
  void on_adversary_start(model::NodeId node);
  void on_challenge_round(std::uint32_t round);
  void take_over(model::NodeId node);

  const model::WorldTrace& trace_;
  StorageScheme& scheme_;
  DriverOptions options_;
  std::size_t n_;
  std::size_t threshold_;
  kernel::Simulator sim_;
  std::unique_ptr<model::Network> net_;
  UnitStore store_;
  SchemeMetrics metrics_;
  std::vector<NodeStatus> nodes_;
  std::vector<BlobStatus> blobs_;
  std::vector<model::NodeId> owners_;  // effective owner of every shard (stand-ins included)
  std::uint32_t epoch_ = 0;

  // Repairs. Determinism: ordered maps only, iterated in key order.
  std::map<UnitKey, UnitRepair> repairs_;
  std::map<kernel::Ticks, std::vector<UnitKey>> due_;
  std::map<std::uint64_t, Job> jobs_;
  std::map<std::uint64_t, std::uint64_t> job_of_flow_;
  std::map<UnitKey, Hidden> hidden_;
  std::uint64_t next_job_ = 0;
  bool retry_scheduled_ = false;

  // Epoch sync of the current epoch.
  std::map<std::uint32_t, Transfer> transfers_;  // by shard
  std::map<std::uint64_t, std::uint32_t> transfer_of_flow_;
  std::vector<bool> unsynced_;  // moved shards not yet synced
  std::size_t synced_count_ = 0;
  kernel::Ticks epoch_started_;
  bool quorum_recorded_ = true;
  bool full_sync_recorded_ = true;

  std::uint64_t peak_held_bytes_ = 0;
  std::uint64_t codec_calls_ = 0;
  std::uint64_t codec_targets_ = 0;
  double encode_seconds_ = 0.0;  // wall clock, for timing only: never read by the model
  double repair_seconds_ = 0.0;
  bool ran_ = false;
};

}  // namespace sliversim::schemes
