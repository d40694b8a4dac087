// WorldState: node state transitions, event recording and per-epoch counting.
#include "sim/model/world_state.hpp"

namespace sliversim::model {

NodeId WorldState::add_node(NodeInfo info) {
  const NodeId id = id_at<NodeId>(trace_.nodes.size());
  info.id = id;
  const bool joiner = !info.initial;
  trace_.nodes.push_back(info);
  dynamic_.emplace_back();
  if (joiner) {
    record(WorldEventKind::kNodeJoin, EventCause::kNone, id, 0);
    ++stats().joins;
  }
  return id;
}

NodeState WorldState::state(NodeId id) const {
  const Dynamic& d = dynamic_[index_of(id)];
  if (d.dead) return NodeState::kDead;
  if (d.left) return NodeState::kLeft;
  return d.outages > 0 ? NodeState::kDown : NodeState::kUp;
}

bool WorldState::is_alive(NodeId id) const {
  const Dynamic& d = dynamic_[index_of(id)];
  return !d.dead && !d.left;
}

bool WorldState::can_hand_over(NodeId id) const {
  const Dynamic& d = dynamic_[index_of(id)];
  return !d.dead && d.outages == 0 && !d.adversary_active;
}

bool WorldState::fail(NodeId id, EventCause cause) {
  if (!is_alive(id)) return false;
  dynamic_[index_of(id)].dead = true;
  record(WorldEventKind::kNodeFail, cause, id, 0);
  EpochStats& s = stats();
  ++s.deaths;
  if (cause == EventCause::kTrace) {
    ++s.failures_trace;
  } else {
    ++s.failures_permanent;
  }
  return true;
}

bool WorldState::begin_outage(NodeId id, EventCause cause, std::uint32_t incident) {
  if (!is_alive(id)) return false;
  Dynamic& d = dynamic_[index_of(id)];
  if (d.outages++ == 0) record(WorldEventKind::kNodeDown, cause, id, incident);
  EpochStats& s = stats();
  if (cause == EventCause::kTransient) ++s.failures_transient;
  if (cause == EventCause::kCorrelated) ++s.failures_correlated;
  if (cause == EventCause::kTrace) ++s.failures_trace;
  return true;
}

bool WorldState::end_outage(NodeId id, EventCause cause, std::uint32_t incident) {
  if (!is_alive(id)) return false;
  Dynamic& d = dynamic_[index_of(id)];
  sim_.check(d.outages > 0, "an outage ended on a node that was not down");
  if (--d.outages == 0) record(WorldEventKind::kNodeUp, cause, id, incident);
  return true;
}

bool WorldState::lose_data(NodeId id, std::uint32_t incident) {
  if (!is_alive(id)) return false;
  record(WorldEventKind::kDataLoss, EventCause::kCorrelated, id, incident);
  ++stats().data_losses;
  return true;
}

bool WorldState::leave(NodeId id, EventCause cause) {
  if (!is_alive(id)) return false;
  dynamic_[index_of(id)].left = true;
  record(WorldEventKind::kNodeLeave, cause, id, 0);
  ++stats().leaves;
  return true;
}

bool WorldState::start_adversary(NodeId id) {
  sim_.check(node(id).adversary.has_value(), "an honest node started acting as an adversary");
  if (!is_alive(id)) return false;
  dynamic_[index_of(id)].adversary_active = true;
  record(WorldEventKind::kAdversaryStart, EventCause::kNone, id, 0);
  ++stats().adversaries_started;
  return true;
}

BlobIndex WorldState::add_blob(BlobRecord blob) {
  const BlobIndex id = id_at<BlobIndex>(trace_.blobs.size());
  blob.id = id;
  trace_.blobs.push_back(blob);
  record(WorldEventKind::kBlobWrite, EventCause::kNone, kNoNode,
         static_cast<std::uint32_t>(index_of(id)));
  ++stats().blobs_written;
  ++live_blobs_;
  return id;
}

void WorldState::expire_blob(BlobIndex id) {
  record(WorldEventKind::kBlobExpire, EventCause::kNone, kNoNode,
         static_cast<std::uint32_t>(index_of(id)));
  ++stats().blobs_expired;
  --live_blobs_;
}

void WorldState::challenge_round(std::uint32_t round) {
  record(WorldEventKind::kChallengeRound, EventCause::kNone, kNoNode, round);
  ++stats().challenge_rounds;
}

EpochRecord& WorldState::begin_epoch() {
  sim_.check(trace_.epochs.empty() || trace_.epochs.back().end > trace_.epochs.back().start,
             "an epoch began before the previous one ended");
  EpochRecord& record_ref = trace_.epochs.emplace_back();
  record_ref.epoch = static_cast<std::uint32_t>(trace_.epochs.size() - 1);
  record_ref.start = sim_.now();
  record(WorldEventKind::kEpochStart, EventCause::kNone, kNoNode, record_ref.epoch);
  return record_ref;
}

void WorldState::end_epoch(kernel::Ticks end) {
  EpochRecord& epoch = trace_.epochs.back();
  epoch.end = end;
  std::uint32_t alive = 0;
  std::uint32_t up = 0;
  for (std::size_t i = 0; i < dynamic_.size(); ++i) {
    const NodeState s = state(id_at<NodeId>(i));
    alive += (s == NodeState::kUp || s == NodeState::kDown) ? 1U : 0U;
    up += s == NodeState::kUp ? 1U : 0U;
  }
  epoch.stats.alive_nodes_end = alive;
  epoch.stats.up_nodes_end = up;
  epoch.stats.live_blobs_end = live_blobs_;
}

EpochStats& WorldState::stats() {
  sim_.check(!trace_.epochs.empty(), "an event was counted before the first epoch");
  return trace_.epochs.back().stats;
}

void WorldState::record(WorldEventKind kind, EventCause cause, NodeId node, std::uint32_t index) {
  trace_.events.push_back(WorldEvent{sim_.now(), kind, cause, node, index});
}

}  // namespace sliversim::model
