// Durability and availability of every blob in one scheme: counts of shards holding a valid unit
// and of those whose owner is up, kept incrementally; a blob is lost (for good) when fewer than
// read_threshold() valid units remain, and unavailable while fewer are reachable. Lost blobs
// and unavailable blob-seconds are weighted by the representative's weight.
#include <algorithm>

#include "sim/schemes/driver.hpp"

namespace sliversim::schemes {

using model::BlobIndex;
using model::NodeId;
using model::ShardId;

void SchemeDriver::recount_blob(BlobIndex blob) {
  BlobStatus& b = blobs_[model::index_of(blob)];
  b.valid = 0;
  b.reachable = 0;
  for (std::size_t s = 0; s < n_; ++s) {
    if (unit_state(blob, model::id_at<ShardId>(s)) != UnitState::kValid) continue;
    ++b.valid;
    if (is_up(owners_[s])) ++b.reachable;
  }
}

void SchemeDriver::recount_all() {
  for (std::size_t b = 0; b < blobs_.size(); ++b) {
    if (!blobs_[b].live) continue;
    recount_blob(model::id_at<BlobIndex>(b));
    check_blob(model::id_at<BlobIndex>(b));
  }
}

void SchemeDriver::on_unit_changed(BlobIndex blob, ShardId shard, bool was_valid) {
  BlobStatus& b = blobs_[model::index_of(blob)];
  if (!b.live) return;
  const bool valid = unit_state(blob, shard) == UnitState::kValid;
  if (valid == was_valid) return;
  const bool reachable = is_up(owners_[model::index_of(shard)]);
  if (valid) {
    ++b.valid;
    if (reachable) ++b.reachable;
  } else {
    --b.valid;
    if (reachable) --b.reachable;
  }
  check_blob(blob);
}

void SchemeDriver::on_reachability_changed(NodeId node, bool up) {
  const std::vector<ShardId> shards = shards_of(node);
  for (std::size_t i = 0; i < blobs_.size(); ++i) {
    BlobStatus& b = blobs_[i];
    if (!b.live) continue;
    const BlobIndex blob = model::id_at<BlobIndex>(i);
    std::uint32_t count = 0;
    for (const ShardId shard : shards) {
      if (unit_state(blob, shard) == UnitState::kValid) ++count;
    }
    if (count == 0) continue;
    b.reachable = up ? b.reachable + count : b.reachable - count;
    check_blob(blob);
  }
}

void SchemeDriver::check_blob(BlobIndex blob) {
  BlobStatus& b = blobs_[model::index_of(blob)];
  if (!b.live || b.lost) return;
  if (b.valid < threshold_) {
    mark_lost(blob);
    return;
  }
  if (b.reachable < threshold_) {
    if (!b.unavailable_since) b.unavailable_since = sim_.now();
  } else {
    close_unavailability(blob);
  }
}

void SchemeDriver::mark_lost(BlobIndex blob) {
  BlobStatus& b = blobs_[model::index_of(blob)];
  if (b.lost || !b.live) return;
  close_unavailability(blob);
  b.lost = true;
  const model::BlobRecord& record = trace_.blobs[model::index_of(blob)];
  MetricCounters& c = metrics_.now().counters;
  ++c.loss_events;
  c.blobs_lost += record.weight;
  c.bytes_lost += weighted_bytes(record.size_bytes, record.weight);
  forget_repairs(blob);
  check_all_unsynced();
}

void SchemeDriver::close_unavailability(BlobIndex blob) {
  BlobStatus& b = blobs_[model::index_of(blob)];
  if (!b.unavailable_since) return;
  const double seconds = (sim_.now() - *b.unavailable_since).to_seconds();
  metrics_.now().counters.unavailable_blob_seconds +=
      seconds * trace_.blobs[model::index_of(blob)].weight;
  b.unavailable_since.reset();
}

}  // namespace sliversim::schemes
