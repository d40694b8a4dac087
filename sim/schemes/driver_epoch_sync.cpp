// Epoch changes in one scheme: at each epoch start every shard whose (effective) owner changes
// moves. When the previous owner is up (or leaving gracefully), honest and holds units, they
// cross the network as one flow (category transfer) and stay valid; units it lacks, and every
// unit of a non-cooperative move, are erased and recovered by the new owner at once. Transfers
// not complete after sync_timeout switch their remaining blobs to recovery. The epoch change
// completes when shards of quorum weight are synced (3w >= 2n + 1, unmoved shards included).
#include <algorithm>

#include "sim/schemes/driver.hpp"

namespace sliversim::schemes {

using kernel::Ticks;
using model::BlobIndex;
using model::NodeId;
using model::ShardId;

namespace {
constexpr std::uint64_t kTagSyncTimeout = 0x5354000000000000ULL;
}  // namespace

void SchemeDriver::on_epoch_start(std::uint32_t epoch) {
  if (epoch > 0) {
    // Unavailability and peaks up to now belong to the epoch that ends.
    record_epoch_peak();
    for (std::size_t b = 0; b < blobs_.size(); ++b) {
      if (!blobs_[b].unavailable_since) continue;
      close_unavailability(model::id_at<BlobIndex>(b));
      blobs_[b].unavailable_since = sim_.now();
    }
  }
  std::vector<std::uint32_t> leftover;
  for (const auto& [shard, transfer] : transfers_) leftover.push_back(shard);
  for (const std::uint32_t shard : leftover) {
    const Transfer& t = transfers_.at(shard);
    const auto end = net_->cancel_flow(t.flow);
    switch_to_recovery(model::id_at<ShardId>(shard), end ? end->bytes_transferred : 0);
  }
  epoch_ = epoch;
  metrics_.set_epoch(epoch);
  epoch_started_ = sim_.now();
  unsynced_.assign(n_, false);
  synced_count_ = n_;
  quorum_recorded_ = false;
  full_sync_recorded_ = false;
  const model::EpochRecord& record = trace_.epochs[epoch];
  for (std::size_t s = 0; s < n_; ++s) {
    if (owners_[s] != record.owners[s]) {
      move_shard(model::id_at<ShardId>(s), owners_[s], record.owners[s]);
    }
  }
  recount_all();
  for (std::size_t s = 0; s < n_; ++s) {
    if (unsynced_[s]) check_shard_synced(model::id_at<ShardId>(s));
  }
  check_quorum();
  if (!transfers_.empty()) {
    sim_.schedule_at(sim_.now() + options_.sync_timeout, kPhaseSyncTimeout, kTagSyncTimeout,
                     [this, epoch](kernel::Simulator&) { on_sync_timeout(epoch); });
  }
}

void SchemeDriver::move_shard(ShardId shard, NodeId from, NodeId to) {
  untrack_shard(shard);
  const std::size_t s = model::index_of(shard);
  bool cooperative = false;
  if (from != model::kNoNode) {
    const NodeStatus& f = nodes_[model::index_of(from)];
    cooperative = f.joined && !f.adversary_active && !f.caught &&
                  (f.state == model::NodeState::kUp || f.state == model::NodeState::kLeft);
  }
  Transfer transfer;
  transfer.from = from;
  std::vector<BlobIndex> recover;
  for (std::size_t b = 0; b < blobs_.size(); ++b) {
    const BlobIndex blob = model::id_at<BlobIndex>(b);
    if (!blobs_[b].live || blobs_[b].lost || !scheme_.holds_unit(blob, shard)) continue;
    if (cooperative && unit_state(blob, shard) == UnitState::kValid) {
      const std::uint64_t bytes =
          weighted_bytes(scheme_.unit_bytes(blob, shard), trace_.blobs[b].weight);
      transfer.blobs.emplace_back(blob, bytes);
      transfer.bytes += bytes;
    } else {
      erase_unit(blob, shard);  // the new owner has nothing of a unit not handed over
      recover.push_back(blob);
    }
  }
  owners_[s] = to;
  if (!recover.empty()) ++metrics_.now().counters.recovered_moves;
  for (const BlobIndex blob : recover) request_repair(blob, shard, Ticks{});
  if (!transfer.blobs.empty()) {
    model::FlowRequest request;
    request.source = from;
    request.destination = to;
    request.bytes = transfer.bytes;
    if (options_.latency_enabled) request.latency = model::node_latency(trace_, from, to);
    transfer.flow = net_->start_flow(request, [this, shard](model::FlowId f, Ticks) {
      transfer_of_flow_.erase(static_cast<std::uint64_t>(f));
      on_transfer_done(shard);
    });
    transfer_of_flow_[static_cast<std::uint64_t>(transfer.flow)] =
        static_cast<std::uint32_t>(shard);
    transfers_[static_cast<std::uint32_t>(shard)] = std::move(transfer);
  }
  unsynced_[s] = true;
  --synced_count_;
}

void SchemeDriver::on_transfer_done(ShardId shard) {
  auto node = transfers_.extract(static_cast<std::uint32_t>(shard));
  if (node.empty()) return;
  MetricCounters& c = metrics_.now().counters;
  c.repair_bytes[ByteCategory::kTransfer] += node.mapped().bytes;
  ++c.cooperative_transfers;
  check_shard_synced(shard);
}

void SchemeDriver::on_sync_timeout(std::uint32_t epoch) {
  if (epoch != epoch_) return;
  std::vector<std::uint32_t> late;
  for (const auto& [shard, transfer] : transfers_) late.push_back(shard);
  for (const std::uint32_t shard : late) {
    const Transfer& t = transfers_.at(shard);
    transfer_of_flow_.erase(static_cast<std::uint64_t>(t.flow));
    const auto end = net_->cancel_flow(t.flow);
    ++metrics_.now().counters.sync_timeouts;
    switch_to_recovery(model::id_at<ShardId>(shard), end ? end->bytes_transferred : 0);
  }
}

void SchemeDriver::switch_to_recovery(ShardId shard, std::uint64_t bytes_moved) {
  auto node = transfers_.extract(static_cast<std::uint32_t>(shard));
  if (node.empty()) return;
  const Transfer& t = node.mapped();
  transfer_of_flow_.erase(static_cast<std::uint64_t>(t.flow));
  MetricCounters& c = metrics_.now().counters;
  c.repair_bytes[ByteCategory::kTransfer] += bytes_moved;
  ++c.recovered_moves;
  // Blobs are handed over in blob order: those whose bytes fully arrived are kept.
  std::uint64_t arrived = 0;
  for (const auto& [blob, bytes] : t.blobs) {
    if (arrived + bytes <= bytes_moved) {
      arrived += bytes;
      continue;
    }
    arrived = bytes_moved;
    erase_unit(blob, shard);
    request_repair(blob, shard, Ticks{});
  }
  check_shard_synced(shard);
}

bool SchemeDriver::shard_complete(ShardId shard) const {
  if (transfers_.contains(static_cast<std::uint32_t>(shard))) return false;
  for (std::size_t b = 0; b < blobs_.size(); ++b) {
    if (!blobs_[b].live || blobs_[b].lost) continue;
    const BlobIndex blob = model::id_at<BlobIndex>(b);
    if (unit_state(blob, shard) != UnitState::kValid && scheme_.holds_unit(blob, shard)) {
      return false;
    }
  }
  return true;
}

void SchemeDriver::check_shard_synced(ShardId shard) {
  const std::size_t s = model::index_of(shard);
  if (!unsynced_[s] || !shard_complete(shard)) return;
  unsynced_[s] = false;
  ++synced_count_;
  check_quorum();
}

void SchemeDriver::check_all_unsynced() {
  if (synced_count_ == n_) return;
  for (std::size_t s = 0; s < n_; ++s) {
    if (unsynced_[s]) check_shard_synced(model::id_at<ShardId>(s));
  }
}

void SchemeDriver::check_quorum() {
  const double seconds = (sim_.now() - epoch_started_).to_seconds();
  if (!quorum_recorded_ && 3 * synced_count_ >= 2 * n_ + 1) {
    quorum_recorded_ = true;
    metrics_.now().epoch_change_seconds = seconds;
  }
  if (!full_sync_recorded_ && synced_count_ == n_) {
    full_sync_recorded_ = true;
    metrics_.now().full_sync_seconds = seconds;
  }
}

}  // namespace sliversim::schemes
