// The flow network: flow bookkeeping, lazy max-min recomputation and the single kernel event.
#include "sim/model/network.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sliversim::model {

namespace {

using kernel::Ticks;

constexpr std::int64_t kNever = Ticks::kLimit;
constexpr double kMicrosPerSecond = 1e6;

// Heap order for std::push_heap (a max-heap): the earliest (time, flow id) on top.
struct LaterEntry {
  template <class E>
  bool operator()(const E& a, const E& b) const {
    if (a.time_us != b.time_us) return a.time_us > b.time_us;
    return a.id > b.id;
  }
};

bool valid_capacity(double bytes_per_s) { return std::isfinite(bytes_per_s) && bytes_per_s >= 0.0; }

}  // namespace

Network::Network(kernel::Simulator& sim, NetworkOptions options) : sim_(sim), options_(options) {}

Network::~Network() { sim_.cancel(event_); }

// ---------------------------------------------------------------------------------------------
// Nodes, links and capacities.

std::uint32_t Network::new_resource(double capacity_bytes_per_s) {
  resources_.emplace_back();
  resources_.back().capacity_bytes_per_s = capacity_bytes_per_s;
  return static_cast<std::uint32_t>(resources_.size() - 1);
}

Network::NodeEntry& Network::node_entry(NodeId node) {
  const std::size_t i = index_of(node);
  sim_.check(i < nodes_.size() && nodes_[i].uplink != kNone, "network: node has no capacity");
  return nodes_[i];
}

const Network::NodeEntry& Network::node_entry(NodeId node) const {
  const std::size_t i = index_of(node);
  sim_.check(i < nodes_.size() && nodes_[i].uplink != kNone, "network: node has no capacity");
  return nodes_[i];
}

std::uint32_t Network::link_resource(LinkId link) const {
  const std::size_t i = index_of(link);
  sim_.check(i < link_resources_.size() && link_resources_[i] != kNone,
             "network: link has no capacity");
  return link_resources_[i];
}

void Network::set_node_capacity(NodeId node, double uplink_bytes_per_s,
                                double downlink_bytes_per_s) {
  sim_.check(valid_capacity(uplink_bytes_per_s) && valid_capacity(downlink_bytes_per_s),
             "network: node capacity must be finite and >= 0");
  const std::size_t i = index_of(node);
  if (i >= nodes_.size()) nodes_.resize(i + 1);
  NodeEntry& entry = nodes_[i];
  if (entry.uplink == kNone) {
    entry.uplink = new_resource(uplink_bytes_per_s);
    entry.downlink = new_resource(downlink_bytes_per_s);
    return;
  }
  const std::pair<std::uint32_t, double> changes[] = {{entry.uplink, uplink_bytes_per_s},
                                                      {entry.downlink, downlink_bytes_per_s}};
  for (const auto& [resource, capacity] : changes) {
    if (resources_[resource].capacity_bytes_per_s == capacity) continue;
    resources_[resource].capacity_bytes_per_s = capacity;
    mark_dirty(resource);
  }
  arm();
}

void Network::set_link_capacity(LinkId link, double bytes_per_s) {
  sim_.check(valid_capacity(bytes_per_s), "network: link capacity must be finite and >= 0");
  const std::size_t i = index_of(link);
  if (i >= link_resources_.size()) link_resources_.resize(i + 1, kNone);
  if (link_resources_[i] == kNone) {
    link_resources_[i] = new_resource(bytes_per_s);
    return;
  }
  Resource& resource = resources_[link_resources_[i]];
  if (resource.capacity_bytes_per_s == bytes_per_s) return;
  resource.capacity_bytes_per_s = bytes_per_s;
  mark_dirty(link_resources_[i]);
  arm();
}

// ---------------------------------------------------------------------------------------------
// Flow lifecycle.

std::uint32_t Network::acquire_slot() {
  if (!free_slots_.empty()) {
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  sim_.check(flows_.size() < kNone, "network: more than 2^32 - 1 flows at once");
  flows_.emplace_back();
  callbacks_.emplace_back();
  return static_cast<std::uint32_t>(flows_.size() - 1);
}

FlowId Network::start_flow(const FlowRequest& request, FlowCallback on_complete) {
  sim_.check(request.latency >= Ticks{}, "network: negative flow latency");
  sim_.check(request.links.size() <= kMaxLinksPerFlow, "network: flow crosses too many links");
  const std::uint32_t uplink = node_entry(request.source).uplink;
  const std::uint32_t downlink = node_entry(request.destination).downlink;
  const std::uint32_t slot = acquire_slot();
  Flow& flow = flows_[slot];
  flow.id = next_id_++;
  flow.bytes = request.bytes;
  flow.remaining_bytes = static_cast<double>(request.bytes);
  flow.rate_bytes_per_s = 0.0;
  flow.requested_us = now_us();
  flow.start_us = std::min((sim_.now() + request.latency).count(), kNever);
  flow.last_update_us = flow.start_us;
  flow.finish_us = kNever;
  ++flow.version;
  flow.running = false;
  flow.paused = node_entry(request.source).paused || node_entry(request.destination).paused;
  flow.live = true;
  flow.source = request.source;
  flow.destination = request.destination;
  flow.resources[0] = uplink;
  flow.resources[1] = downlink;
  flow.resource_count = static_cast<std::uint8_t>(2 + request.links.size());
  for (std::size_t i = 0; i < request.links.size(); ++i) {
    flow.resources[2 + i] = link_resource(request.links[i]);
    for (std::size_t j = 2; j < 2 + i; ++j) {
      sim_.check(flow.resources[j] != flow.resources[2 + i], "network: a link repeated in a flow");
    }
  }
  callbacks_[slot] = std::move(on_complete);
  slot_of_.emplace(flow.id, slot);
  link_flow(slot);
  ++counters_.flows_started;
  counters_.peak_concurrent_flows =
      std::max<std::uint64_t>(counters_.peak_concurrent_flows, slot_of_.size());
  if (flow.start_us == flow.requested_us) {
    activate(slot);
  } else {
    waiting_.push_back({flow.start_us, flow.id, slot, flow.version});
    std::push_heap(waiting_.begin(), waiting_.end(), LaterEntry{});
  }
  arm();
  return FlowId{flow.id};
}

void Network::link_flow(std::uint32_t slot) {
  Flow& flow = flows_[slot];
  for (std::size_t i = 0; i < flow.resource_count; ++i) {
    std::vector<std::uint32_t>& list = resources_[flow.resources[i]].flows;
    flow.positions[i] = static_cast<std::uint32_t>(list.size());
    list.push_back(slot);
  }
}

void Network::unlink_flow(std::uint32_t slot) {
  const Flow& flow = flows_[slot];
  for (std::size_t i = 0; i < flow.resource_count; ++i) {
    const std::uint32_t resource = flow.resources[i];
    std::vector<std::uint32_t>& list = resources_[resource].flows;
    const std::uint32_t moved = list.back();
    list[flow.positions[i]] = moved;
    Flow& other = flows_[moved];
    for (std::size_t j = 0; j < other.resource_count; ++j) {
      if (other.resources[j] == resource) other.positions[j] = flow.positions[i];
    }
    list.pop_back();
  }
}

void Network::release_flow(std::uint32_t slot) {
  Flow& flow = flows_[slot];
  if (participates(flow)) {
    for (std::size_t i = 0; i < flow.resource_count; ++i) mark_dirty(flow.resources[i]);
  }
  if (flow.finish_us != kNever) --running_scheduled_;
  if (flow.running) --running_count_;
  unlink_flow(slot);
  slot_of_.erase(flow.id);
  flow.live = false;
  flow.finish_us = kNever;
  ++flow.version;
  callbacks_[slot].reset();
  free_slots_.push_back(slot);
}

void Network::activate(std::uint32_t slot) {
  Flow& flow = flows_[slot];
  flow.running = true;
  ++running_count_;
  flow.last_update_us = now_us();
  if (!participates(flow)) return;
  for (std::size_t i = 0; i < flow.resource_count; ++i) mark_dirty(flow.resources[i]);
  if (flow.remaining_bytes <= 0.0) set_rate(slot, 0.0);  // 0 bytes: done at once
}

double Network::remaining_at(const Flow& flow, std::int64_t at_us) const {
  if (!flow.running) return flow.remaining_bytes;
  if (flow.finish_us <= at_us) return 0.0;
  const double elapsed_s = static_cast<double>(at_us - flow.last_update_us) / kMicrosPerSecond;
  return std::max(0.0, flow.remaining_bytes - flow.rate_bytes_per_s * elapsed_s);
}

// Brings the flow's remaining bytes up to now at its old rate, then sets the new rate and its
// completion time (a flow already due stays due now).
void Network::set_rate(std::uint32_t slot, double rate_bytes_per_s) {
  Flow& flow = flows_[slot];
  const std::int64_t now = now_us();
  flow.remaining_bytes = remaining_at(flow, now);
  flow.last_update_us = now;
  flow.rate_bytes_per_s = rate_bytes_per_s;
  std::int64_t finish = kNever;
  if (flow.remaining_bytes <= 0.0) {
    finish = now;
  } else if (rate_bytes_per_s > 0.0) {
    const double wait_us = std::ceil(flow.remaining_bytes * kMicrosPerSecond / rate_bytes_per_s);
    if (wait_us < static_cast<double>(kNever - now))
      finish = now + static_cast<std::int64_t>(wait_us);
  }
  if (finish == flow.finish_us) return;
  if (flow.finish_us != kNever) --running_scheduled_;
  flow.finish_us = finish;
  ++flow.version;
  if (finish == kNever) return;
  ++running_scheduled_;
  completions_.push_back({finish, flow.id, slot, flow.version});
  std::push_heap(completions_.begin(), completions_.end(), LaterEntry{});
}

FlowEnd Network::end_flow(std::uint32_t slot) {
  const Flow& flow = flows_[slot];
  const double done = static_cast<double>(flow.bytes) - remaining_at(flow, now_us());
  const std::uint64_t moved =
      flow.running
          ? std::min(flow.bytes, static_cast<std::uint64_t>(std::max(0.0, std::floor(done))))
          : 0;
  nodes_[index_of(flow.source)].traffic.bytes_sent += moved;
  nodes_[index_of(flow.destination)].traffic.bytes_received += moved;
  ++counters_.flows_ended;
  const FlowEnd end{FlowId{flow.id}, moved};
  release_flow(slot);
  return end;
}

std::optional<FlowEnd> Network::cancel_flow(FlowId id) {
  const auto it = slot_of_.find(static_cast<std::uint64_t>(id));
  if (it == slot_of_.end()) return std::nullopt;
  const FlowEnd end = end_flow(it->second);
  arm();
  return end;
}

std::vector<FlowEnd> Network::fail_node_flows(NodeId node) {
  const NodeEntry& entry = node_entry(node);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> doomed;  // (id, slot)
  for (const std::uint32_t resource : {entry.uplink, entry.downlink}) {
    for (const std::uint32_t slot : resources_[resource].flows) {
      doomed.emplace_back(flows_[slot].id, slot);
    }
  }
  std::sort(doomed.begin(), doomed.end());
  doomed.erase(std::unique(doomed.begin(), doomed.end()), doomed.end());
  std::vector<FlowEnd> ends;
  ends.reserve(doomed.size());
  for (const auto& [id, slot] : doomed) ends.push_back(end_flow(slot));
  arm();
  return ends;
}

void Network::pause_node(NodeId node) { set_node_paused(node, true); }
void Network::resume_node(NodeId node) { set_node_paused(node, false); }
bool Network::is_paused(NodeId node) const { return node_entry(node).paused; }

// Pausing freezes the node's participating flows at rate 0 (keeping their progress); resuming
// lets them take part again. Either way the resources they cross are re-rated.
void Network::set_node_paused(NodeId node, bool paused) {
  NodeEntry& entry = node_entry(node);
  if (entry.paused == paused) return;
  std::vector<std::uint32_t> touched = resources_[entry.uplink].flows;
  const std::vector<std::uint32_t>& incoming = resources_[entry.downlink].flows;
  touched.insert(touched.end(), incoming.begin(), incoming.end());
  if (paused) {
    for (const std::uint32_t slot : touched) {
      if (!participates(flows_[slot])) continue;
      set_rate(slot, 0.0);
      for (std::size_t i = 0; i < flows_[slot].resource_count; ++i) {
        mark_dirty(flows_[slot].resources[i]);
      }
    }
  }
  entry.paused = paused;
  for (const std::uint32_t slot : touched) {
    Flow& flow = flows_[slot];
    flow.paused = nodes_[index_of(flow.source)].paused || nodes_[index_of(flow.destination)].paused;
    if (paused || !participates(flow)) continue;
    for (std::size_t i = 0; i < flow.resource_count; ++i) mark_dirty(flow.resources[i]);
    if (flow.remaining_bytes <= 0.0) set_rate(slot, 0.0);
  }
  arm();
}

// ---------------------------------------------------------------------------------------------
// Queries and accounting.

std::optional<FlowProgress> Network::progress(FlowId id) {
  refresh();
  const auto it = slot_of_.find(static_cast<std::uint64_t>(id));
  if (it == slot_of_.end()) return std::nullopt;
  const Flow& flow = flows_[it->second];
  FlowProgress p;
  p.state = !flow.running        ? FlowState::kWaiting
            : participates(flow) ? FlowState::kRunning
                                 : FlowState::kPaused;
  p.bytes = flow.bytes;
  p.bytes_done = static_cast<double>(flow.bytes) - remaining_at(flow, now_us());
  p.rate_bytes_per_s = p.state == FlowState::kRunning ? flow.rate_bytes_per_s : 0.0;
  p.requested_at = Ticks::microseconds(flow.requested_us);
  p.starts_at = Ticks::microseconds(flow.start_us);
  if (flow.finish_us != kNever) p.finish = Ticks::microseconds(flow.finish_us);
  return p;
}

NodeTraffic Network::node_traffic(NodeId node) {
  refresh();
  const NodeEntry& entry = node_entry(node);
  NodeTraffic traffic = entry.traffic;
  const Resource& up = resources_[entry.uplink];
  const Resource& down = resources_[entry.downlink];
  traffic.uplink_bytes_per_s = up.used_bytes_per_s;
  traffic.downlink_bytes_per_s = down.used_bytes_per_s;
  traffic.peak_uplink_bytes_per_s = up.peak_bytes_per_s;
  traffic.peak_downlink_bytes_per_s = down.peak_bytes_per_s;
  traffic.interval_peak_uplink_bytes_per_s = up.interval_peak_bytes_per_s;
  traffic.interval_peak_downlink_bytes_per_s = down.interval_peak_bytes_per_s;
  return traffic;
}

double Network::link_peak_bytes_per_s(LinkId link) const {
  return resources_[link_resource(link)].peak_bytes_per_s;
}

void Network::reset_interval_peaks() {
  refresh();
  for (Resource& resource : resources_) {
    resource.interval_peak_bytes_per_s = resource.used_bytes_per_s;
  }
}

void Network::record_use(std::uint32_t resource, double used_bytes_per_s) {
  Resource& r = resources_[resource];
  r.used_bytes_per_s = used_bytes_per_s;
  r.peak_bytes_per_s = std::max(r.peak_bytes_per_s, used_bytes_per_s);
  r.interval_peak_bytes_per_s = std::max(r.interval_peak_bytes_per_s, used_bytes_per_s);
}

}  // namespace sliversim::model
