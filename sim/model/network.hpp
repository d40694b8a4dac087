// The flow network: every transfer between two nodes is a flow of a whole number of bytes that
// crosses its source's uplink, its destination's downlink and optionally shared links (e.g. a
// region-to-region backbone). Concurrent flows share those resources max-min fairly
// (max_min_fair.hpp); rates are recomputed only when flows or capacities change, at most once per
// simulated instant however many calls were made, and only for the connected components of the
// changed resources (or the whole network when that is cheaper: RecomputeScope). Completion times
// follow from the rates. The network keeps ONE kernel event, at its next completion (or latency
// expiry), and calls each flow's completion callback with the flow id and time.
//
// Rounding (documented so results can be reproduced exactly): rates are doubles in bytes per
// second; a running flow keeps its remaining bytes as a double (exact below 2^53 bytes), brought
// up to date only when its rate changes, by remaining -= rate * elapsed_us / 1e6. It completes
// at the first whole microsecond at or after the instant its remaining bytes reach zero
// (ceil(remaining * 1e6 / rate) µs after its last update), so each completion is at most 1 µs
// (plus double rounding) after the fluid model's. Flows due at the same tick complete in flow id
// (start) order. Results depend only on the sequence of calls: no unordered iteration, and a
// component solved alone gives the same bits as solved within the whole network.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "sim/kernel/inline_function.hpp"
#include "sim/kernel/simulator.hpp"
#include "sim/kernel/ticks.hpp"
#include "sim/model/ids.hpp"
#include "sim/model/max_min_fair.hpp"

namespace sliversim::model {

// A flow, numbered 0, 1, 2, ... in start order over the network's life (never reused).
enum class FlowId : std::uint64_t {};

// Called once when a flow's last byte arrives, with its id and the completion time. It may start,
// cancel or fail flows and change capacities (the network recomputes rates afterwards).
using FlowCallback = kernel::InlineFunction<void(FlowId, kernel::Ticks), 48>;

// Which flows a recomputation solves. All three give bit-identical rates (the solver's ties are
// broken by global resource ids); they differ only in speed.
enum class RecomputeScope : std::uint8_t {
  kComponent,  // the connected components of the changed resources (found by a graph search)
  kWhole,      // every running flow (a sequential scan, no search)
  kAdaptive,   // kComponent, but kWhole once the search finds more than a scan would cost
};

struct NetworkOptions {
  kernel::Phase phase{};        // the phase of the network's kernel events
  std::uint64_t event_tag = 0;  // the tag of its events, folded into the trace digest
  RecomputeScope scope = RecomputeScope::kAdaptive;
};

// The largest number of shared links one flow may cross, besides its two node resources.
inline constexpr std::size_t kMaxLinksPerFlow = 6;

// What to transfer: `bytes` from source to destination, moving from `latency` after the call.
struct FlowRequest {
  NodeId source{};
  NodeId destination{};
  std::uint64_t bytes = 0;
  kernel::Ticks latency{};
  std::span<const LinkId> links{};  // shared links crossed, each at most once
};

enum class FlowState : std::uint8_t {
  kWaiting,  // its latency has not elapsed
  kRunning,  // moving bytes (its rate may still be 0 on a resource of capacity 0)
  kPaused,   // its source or destination is paused
};

// A flow's progress at the current time.
struct FlowProgress {
  FlowState state = FlowState::kWaiting;
  std::uint64_t bytes = 0;              // the flow's size
  double bytes_done = 0.0;              // transferred so far
  double rate_bytes_per_s = 0.0;        // current rate (0 while waiting or paused)
  kernel::Ticks requested_at;           // when start_flow was called
  kernel::Ticks starts_at;              // requested_at + latency
  std::optional<kernel::Ticks> finish;  // at current rates; empty while the rate is 0
};

// A flow that ended without completing (cancelled or failed with a node).
struct FlowEnd {
  FlowId id{};
  std::uint64_t bytes_transferred = 0;  // whole bytes moved before it ended (rounded down)
};

// Per-node accounting. Bytes count completed flows in full and ended ones by bytes_transferred.
struct NodeTraffic {
  std::uint64_t bytes_sent = 0;
  std::uint64_t bytes_received = 0;
  std::uint64_t flows_sent = 0;      // completed flows from the node
  std::uint64_t flows_received = 0;  // completed flows to the node
  double uplink_bytes_per_s = 0.0;   // current use
  double downlink_bytes_per_s = 0.0;
  double peak_uplink_bytes_per_s = 0.0;  // largest use over the run
  double peak_downlink_bytes_per_s = 0.0;
  double interval_peak_uplink_bytes_per_s = 0.0;  // largest since reset_interval_peaks()
  double interval_peak_downlink_bytes_per_s = 0.0;
};

// Network-wide counters.
struct NetworkCounters {
  std::uint64_t flows_started = 0;
  std::uint64_t flows_completed = 0;
  std::uint64_t flows_ended = 0;            // cancelled or failed
  std::uint64_t peak_concurrent_flows = 0;  // waiting, running or paused at once
  std::uint64_t rate_solves = 0;            // max-min recomputations
  std::uint64_t solved_flows = 0;           // flows over all recomputations (the work done)
  std::uint64_t rate_changes = 0;           // flow rates that changed
};

class Network {
 public:
  // A network with no nodes that schedules its events on sim.
  // REQUIRES: sim outlives the network.
  explicit Network(kernel::Simulator& sim, NetworkOptions options = {});
  // Cancels the network's pending event; pending callbacks are dropped without being called.
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  // Sets a node's capacities (bytes per second), adding it on first use; flows already crossing
  // them are re-rated. REQUIRES: both finite and >= 0 (checked; aborts).
  void set_node_capacity(NodeId node, double uplink_bytes_per_s, double downlink_bytes_per_s);
  // Sets a shared link's capacity, adding it on first use. REQUIRES: finite and >= 0.
  void set_link_capacity(LinkId link, double bytes_per_s);

  // Starts a flow and returns its id; on_complete is called when its last byte arrives (at once
  // for 0 bytes, at the network's next event). Flows to or from a paused node start paused.
  // REQUIRES: both nodes and all links have capacities; links distinct, at most
  // kMaxLinksPerFlow; latency >= 0 (checked; aborts).
  FlowId start_flow(const FlowRequest& request, FlowCallback on_complete);

  // Ends a flow that has not completed, without calling its callback. Returns what it moved, or
  // nullopt if the flow already completed or ended.
  std::optional<FlowEnd> cancel_flow(FlowId id);

  // Stops every flow from or to `node` (they keep their progress) until resume_node. No-op if
  // already paused. REQUIRES: node has capacities.
  void pause_node(NodeId node);
  // Lets the node's paused flows continue. No-op if not paused. REQUIRES: node has capacities.
  void resume_node(NodeId node);
  // True while the node is paused. REQUIRES: node has capacities.
  bool is_paused(NodeId node) const;
  // Ends every flow from or to `node` as cancel_flow does; returns them in id order.
  // REQUIRES: node has capacities.
  std::vector<FlowEnd> fail_node_flows(NodeId node);

  // A flow's progress now, or nullopt once it completed or ended. Brings rates up to date.
  std::optional<FlowProgress> progress(FlowId id);
  // The node's accounting, with current use up to date. REQUIRES: node has capacities.
  NodeTraffic node_traffic(NodeId node);
  // The largest total rate a shared link carried. REQUIRES: link has a capacity.
  double link_peak_bytes_per_s(LinkId link) const;
  // Starts a new interval for the interval peaks (they restart from the current use).
  void reset_interval_peaks();

  const NetworkCounters& counters() const { return counters_; }
  // Flows started and not yet completed or ended.
  std::size_t active_flow_count() const { return slot_of_.size(); }

 private:
  static constexpr std::size_t kMaxResources = 2 + kMaxLinksPerFlow;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // Fields read by every recomputation come first (one cache line); the callback lives apart.
  struct Flow {
    std::uint32_t visit = 0;
    bool running = false;  // false while its latency has not elapsed
    bool paused = false;   // its source or destination is paused
    bool live = false;
    std::uint8_t resource_count = 0;
    std::array<std::uint32_t, kMaxResources> resources{};
    double rate_bytes_per_s = 0.0;
    std::uint64_t id = 0;
    std::uint32_t version = 0;   // bumped whenever finish_us changes
    std::int64_t finish_us = 0;  // kNever while not scheduled
    double remaining_bytes = 0.0;
    std::int64_t last_update_us = 0;
    std::array<std::uint32_t, kMaxResources> positions{};  // index in each resource's list
    std::uint64_t bytes = 0;
    std::int64_t requested_us = 0;
    std::int64_t start_us = 0;
    NodeId source{};
    NodeId destination{};
  };
  struct Resource {
    double capacity_bytes_per_s = 0.0;
    double used_bytes_per_s = 0.0;
    double peak_bytes_per_s = 0.0;
    double interval_peak_bytes_per_s = 0.0;
    std::vector<std::uint32_t> flows;  // slots of the flows crossing it
    std::uint32_t visit = 0;
    std::uint32_t local = 0;
    bool dirty = false;
  };
  struct NodeEntry {
    std::uint32_t uplink = kNone;
    std::uint32_t downlink = kNone;
    bool paused = false;
    NodeTraffic traffic;
  };
  // A (time, flow id) key of the completion or latency heap.
  struct HeapEntry {
    std::int64_t time_us;
    std::uint64_t id;
    std::uint32_t slot;
    std::uint32_t version;
  };

  // Flow lifecycle (network.cpp).
  std::uint32_t acquire_slot();
  void link_flow(std::uint32_t slot);
  void unlink_flow(std::uint32_t slot);
  void release_flow(std::uint32_t slot);
  void activate(std::uint32_t slot);
  FlowEnd end_flow(std::uint32_t slot);
  bool complete_next_due();
  // True when the flow is running and neither end is paused: it takes part in the sharing.
  static bool participates(const Flow& flow) { return flow.running && !flow.paused; }
  double remaining_at(const Flow& flow, std::int64_t now_us) const;
  void set_rate(std::uint32_t slot, double rate_bytes_per_s);
  void set_node_paused(NodeId node, bool paused);

  // Rates (network.cpp).
  void mark_dirty(std::uint32_t resource);
  void recompute();
  bool collect_component(std::size_t flow_limit);
  void collect_whole();
  void record_use(std::uint32_t resource, double used_bytes_per_s);

  // The kernel event.
  void on_event();
  void activate_due_waiting();
  std::int64_t next_event_us();
  void arm();
  void refresh();
  std::int64_t now_us() const { return sim_.now().count(); }

  std::uint32_t new_resource(double capacity_bytes_per_s);
  NodeEntry& node_entry(NodeId node);
  const NodeEntry& node_entry(NodeId node) const;
  std::uint32_t link_resource(LinkId link) const;

  kernel::Simulator& sim_;
  NetworkOptions options_;
  std::vector<Flow> flows_;
  std::vector<FlowCallback> callbacks_;  // by slot, beside flows_
  std::vector<std::uint32_t> free_slots_;
  // Determinism: looked up by id only, never iterated.
  std::unordered_map<std::uint64_t, std::uint32_t> slot_of_;
  std::vector<Resource> resources_;
  std::vector<NodeEntry> nodes_;
  std::vector<std::uint32_t> link_resources_;
  std::vector<std::uint32_t> dirty_;
  std::vector<HeapEntry> completions_;  // lazy: stale entries skipped by version
  std::vector<HeapEntry> waiting_;
  std::size_t running_scheduled_ = 0;  // flows with a finish time (heap compaction threshold)
  MaxMinFairSolver solver_;
  std::vector<std::uint32_t> component_resources_;
  std::vector<std::uint32_t> component_flows_;
  std::uint32_t visit_stamp_ = 0;
  std::size_t running_count_ = 0;  // running flows, paused or not
  std::uint64_t next_id_ = 0;
  kernel::EventId event_{};
  std::int64_t event_us_ = 0;
  bool in_event_ = false;
  NetworkCounters counters_;
};

}  // namespace sliversim::model
