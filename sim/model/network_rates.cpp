// The Network's rate recomputation and its single kernel event. Changes (flows added or removed,
// capacities, pauses) only mark resources dirty; the next event at the current time collects the
// connected components of the dirty resources, solves them max-min fairly, and re-times the
// flows whose rate changed. Invariant: outside an event, the event is pending at now when some
// resource is dirty, else at the earliest completion or latency expiry, else not at all.
#include <algorithm>
#include <array>

#include "sim/model/network.hpp"

namespace sliversim::model {

namespace {

using kernel::Ticks;

constexpr std::int64_t kNever = Ticks::kLimit;

struct LaterEntry {
  template <class E>
  bool operator()(const E& a, const E& b) const {
    if (a.time_us != b.time_us) return a.time_us > b.time_us;
    return a.id > b.id;
  }
};

}  // namespace

void Network::mark_dirty(std::uint32_t resource) {
  Resource& r = resources_[resource];
  if (r.dirty) return;
  r.dirty = true;
  dirty_.push_back(resource);
}

// Fills component_resources_ with the dirty resources and everything connected to them through
// participating flows, and component_flows_ with those flows, each once. Gives up, returning
// false, as soon as more than flow_limit flows are found.
// Determinism: the order follows the dirty list and the resources' flow lists, both functions of
// the call sequence; the solver's tie keys are global resource ids, so no order changes a rate.
bool Network::collect_component(std::size_t flow_limit) {
  if (++visit_stamp_ == 0) {
    for (Resource& r : resources_) r.visit = 0;
    for (Flow& f : flows_) f.visit = 0;
    visit_stamp_ = 1;
  }
  component_resources_.clear();
  component_flows_.clear();
  auto visit = [this](std::uint32_t resource) {
    Resource& r = resources_[resource];
    r.dirty = false;
    if (r.visit == visit_stamp_) return;
    r.visit = visit_stamp_;
    component_resources_.push_back(resource);
  };
  for (const std::uint32_t resource : dirty_) visit(resource);
  dirty_.clear();
  for (std::size_t i = 0; i < component_resources_.size(); ++i) {
    for (const std::uint32_t slot : resources_[component_resources_[i]].flows) {
      Flow& flow = flows_[slot];
      if (flow.visit == visit_stamp_ || !participates(flow)) continue;
      flow.visit = visit_stamp_;
      component_flows_.push_back(slot);
      if (component_flows_.size() > flow_limit) return false;
      for (std::size_t j = 0; j < flow.resource_count; ++j) visit(flow.resources[j]);
    }
  }
  return true;
}

// Fills component_resources_ with every resource that is dirty or crossed by a flow, and
// component_flows_ with every participating flow, by sequential scans (cheaper than the search
// when the components cover most flows).
void Network::collect_whole() {
  component_resources_.clear();
  for (std::uint32_t r = 0; r < resources_.size(); ++r) {
    // An idle resource that is not dirty already records zero use: leave it out.
    Resource& resource = resources_[r];
    if (resource.dirty || !resource.flows.empty()) component_resources_.push_back(r);
    resource.dirty = false;
  }
  dirty_.clear();
  component_flows_.clear();
  for (std::uint32_t slot = 0; slot < flows_.size(); ++slot) {
    if (flows_[slot].live && participates(flows_[slot])) component_flows_.push_back(slot);
  }
}

void Network::recompute() {
  if (dirty_.empty()) return;
  // kAdaptive searches components but gives up for a whole scan once the search has found more
  // flows than the scan would cost: about half the running flows (a searched flow costs about
  // twice a scanned one in network_bench), plus a share for the resources the scan reads.
  bool whole = options_.scope == RecomputeScope::kWhole;
  if (!whole) {
    const std::size_t limit = options_.scope == RecomputeScope::kAdaptive
                                  ? running_count_ / 2 + resources_.size() / 8
                                  : flows_.size();
    whole = !collect_component(limit);
  }
  if (whole) collect_whole();
  solver_.clear();
  for (const std::uint32_t resource : component_resources_) {
    resources_[resource].local =
        solver_.add_resource(resources_[resource].capacity_bytes_per_s, std::uint64_t{resource});
  }
  std::array<std::uint32_t, kMaxResources> local{};
  for (const std::uint32_t slot : component_flows_) {
    const Flow& flow = flows_[slot];
    for (std::size_t j = 0; j < flow.resource_count; ++j) {
      local[j] = resources_[flow.resources[j]].local;
    }
    solver_.add_flow(std::span<const std::uint32_t>(local.data(), flow.resource_count));
  }
  solver_.solve();
  for (std::size_t i = 0; i < component_resources_.size(); ++i) {
    record_use(component_resources_[i], solver_.used(static_cast<std::uint32_t>(i)));
  }
  for (std::size_t k = 0; k < component_flows_.size(); ++k) {
    const double rate = solver_.rate(static_cast<std::uint32_t>(k));
    if (rate == flows_[component_flows_[k]].rate_bytes_per_s) continue;
    set_rate(component_flows_[k], rate);
    ++counters_.rate_changes;
  }
  ++counters_.rate_solves;
  counters_.solved_flows += component_flows_.size();
  // Stale completion entries pile up as rates change; drop them once they outnumber live ones.
  if (completions_.size() > 2 * running_scheduled_ + 1024) {
    std::erase_if(completions_, [this](const HeapEntry& e) {
      const Flow& f = flows_[e.slot];
      return !f.live || f.id != e.id || f.version != e.version;
    });
    std::make_heap(completions_.begin(), completions_.end(), LaterEntry{});
  }
}

// Completes the earliest flow due at or before now, if any: accounts it, frees it and calls its
// callback. Returns whether one completed.
bool Network::complete_next_due() {
  const std::int64_t now = now_us();
  while (!completions_.empty()) {
    const HeapEntry top = completions_.front();
    const Flow& flow = flows_[top.slot];
    const bool stale = !flow.live || flow.id != top.id || flow.version != top.version;
    if (!stale && top.time_us > now) return false;
    std::pop_heap(completions_.begin(), completions_.end(), LaterEntry{});
    completions_.pop_back();
    if (stale) continue;
    FlowCallback callback = std::move(callbacks_[top.slot]);
    NodeTraffic& sender = nodes_[index_of(flow.source)].traffic;
    NodeTraffic& receiver = nodes_[index_of(flow.destination)].traffic;
    sender.bytes_sent += flow.bytes;
    ++sender.flows_sent;
    receiver.bytes_received += flow.bytes;
    ++receiver.flows_received;
    ++counters_.flows_completed;
    release_flow(top.slot);
    if (callback) callback(FlowId{top.id}, Ticks::microseconds(now));
    return true;
  }
  return false;
}

void Network::activate_due_waiting() {
  const std::int64_t now = now_us();
  while (!waiting_.empty()) {
    const HeapEntry top = waiting_.front();
    const Flow& flow = flows_[top.slot];
    const bool stale = !flow.live || flow.id != top.id || flow.running;
    if (!stale && top.time_us > now) return;
    std::pop_heap(waiting_.begin(), waiting_.end(), LaterEntry{});
    waiting_.pop_back();
    if (!stale) activate(top.slot);
  }
}

// The network's event: latency expiries, then completions due now in (time, id) order, then
// recomputation, repeated while recomputation makes more flows due now (0 bytes, rounding).
void Network::on_event() {
  event_ = {};
  in_event_ = true;
  activate_due_waiting();
  for (;;) {
    while (complete_next_due()) {
    }
    if (dirty_.empty()) break;
    recompute();
  }
  in_event_ = false;
  arm();
}

// When the event should run: now if rates are stale, else the earliest valid completion or
// latency expiry (dropping stale heap tops on the way), else kNever.
std::int64_t Network::next_event_us() {
  if (!dirty_.empty()) return now_us();
  while (!completions_.empty()) {
    const HeapEntry& top = completions_.front();
    const Flow& flow = flows_[top.slot];
    if (flow.live && flow.id == top.id && flow.version == top.version) break;
    std::pop_heap(completions_.begin(), completions_.end(), LaterEntry{});
    completions_.pop_back();
  }
  while (!waiting_.empty()) {
    const HeapEntry& top = waiting_.front();
    const Flow& flow = flows_[top.slot];
    if (flow.live && flow.id == top.id && !flow.running) break;
    std::pop_heap(waiting_.begin(), waiting_.end(), LaterEntry{});
    waiting_.pop_back();
  }
  std::int64_t next = kNever;
  if (!completions_.empty()) next = completions_.front().time_us;
  if (!waiting_.empty()) next = std::min(next, waiting_.front().time_us);
  return next;  // kNever when nothing is due before the end of time
}

void Network::arm() {
  if (in_event_) return;
  const std::int64_t next = next_event_us();
  if (sim_.is_pending(event_) && event_us_ == next) return;
  sim_.cancel(event_);
  event_ = {};
  if (next == kNever) return;
  event_us_ = next;
  event_ = sim_.schedule_at(Ticks::microseconds(next), options_.phase, options_.event_tag,
                            [this](kernel::Simulator&) { on_event(); });
}

void Network::refresh() {
  recompute();
  arm();
}

}  // namespace sliversim::model
