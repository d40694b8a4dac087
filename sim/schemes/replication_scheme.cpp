// The r-way replication baseline as a storage scheme (see replication_scheme.hpp).
#include "sim/schemes/replication_scheme.hpp"

#include <algorithm>
#include <cstring>

#include "codec/parallel.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/kernel/trace_digest.hpp"
#include "sim/schemes/helper_ring.hpp"

namespace sliversim::schemes {

namespace {

// The chunk size of a copy's digest.
constexpr std::size_t kDigestChunkBytes = std::size_t{64} << 10;

}  // namespace

std::unique_ptr<ReplicationScheme> ReplicationScheme::make(std::size_t n_shards, std::size_t copies,
                                                           std::size_t threads) {
  if (copies == 0 || copies > n_shards) return nullptr;
  return std::unique_ptr<ReplicationScheme>(new ReplicationScheme(n_shards, copies, threads));
}

codec::Digest ReplicationScheme::copy_digest(std::span<const std::uint8_t> copy) const {
  const std::size_t whole = copy.size() / kDigestChunkBytes;
  const std::size_t tail = copy.size() % kDigestChunkBytes;
  std::vector<codec::Digest> chunks(whole + (tail != 0 ? 1 : 0));
  codec::parallel_ranges(
      whole, codec::resolve_threads(threads_), [&](std::size_t begin, std::size_t end) {
        codec::blake2b256_prefixed_batch(0, copy.data() + begin * kDigestChunkBytes,
                                         kDigestChunkBytes, kDigestChunkBytes, end - begin,
                                         chunks.data() + begin);
      });
  if (tail != 0) chunks.back() = codec::blake2b256_prefixed(0, copy.last(tail));
  return codec::blake2b256({reinterpret_cast<const std::uint8_t*>(chunks.data()),
                            chunks.size() * sizeof(codec::Digest)});
}

const ReplicationScheme::BlobRecord& ReplicationScheme::record(model::BlobIndex blob) const {
  const std::size_t b = model::index_of(blob);
  kernel::check_invariant(b < blobs_.size() && blobs_[b].present,
                          "replication: a blob that is not encoded");
  return blobs_[b];
}

std::vector<model::ShardId> ReplicationScheme::replica_shards(model::BlobIndex blob) const {
  const std::size_t h =
      static_cast<std::size_t>(kernel::mix64(static_cast<std::uint64_t>(blob)) % n_shards_);
  std::vector<model::ShardId> shards;
  shards.reserve(copies_);
  for (std::size_t j = 0; j < copies_; ++j) {
    shards.push_back(model::id_at<model::ShardId>((h + j * n_shards_ / copies_) % n_shards_));
  }
  return shards;
}

void ReplicationScheme::encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) {
  const std::size_t b = model::index_of(blob);
  if (b >= blobs_.size()) blobs_.resize(b + 1);
  kernel::check_invariant(!blobs_[b].present, "replication: a blob encoded twice");
  std::vector<std::uint8_t> first = new_unit_bytes(static_cast<std::size_t>(content.size()));
  content.read(first);
  blobs_[b] = {true, first.size(), copy_digest(first)};
  const std::vector<model::ShardId> shards = replica_shards(blob);
  for (std::size_t c = 1; c < shards.size(); ++c) {
    std::vector<std::uint8_t> copy = new_unit_bytes(first.size());
    if (!first.empty()) std::memcpy(copy.data(), first.data(), first.size());
    store.put(blob, shards[c], std::move(copy));
  }
  store.put(blob, shards.front(), std::move(first));
}

bool ReplicationScheme::holds_unit(model::BlobIndex blob, model::ShardId shard) const {
  const std::vector<model::ShardId> shards = replica_shards(blob);
  return std::find(shards.begin(), shards.end(), shard) != shards.end();
}

std::uint64_t ReplicationScheme::unit_bytes(model::BlobIndex blob, model::ShardId shard) const {
  return holds_unit(blob, shard) ? record(blob).unencoded_bytes : 0;
}

std::uint64_t ReplicationScheme::stored_bytes(model::BlobIndex blob) const {
  return record(blob).unencoded_bytes * copies_;
}

void ReplicationScheme::forget(model::BlobIndex blob) {
  const std::size_t b = model::index_of(blob);
  if (b < blobs_.size()) blobs_[b] = BlobRecord{};
}

RepairPlan ReplicationScheme::plan_repair(model::BlobIndex blob, model::ShardId target,
                                          std::span<const ShardAvailability> shards) const {
  kernel::check_invariant(shards.size() == n_shards_ && holds_unit(blob, target),
                          "replication: a repair planned off the blob's replica shards");
  const UnitHolders holders = unit_holders(blob, target, shards, 1);
  RepairPlan plan;
  if (holders.stored == 0) return plan;  // kUnrecoverable
  if (holders.live.empty()) {
    plan.kind = PlanKind::kWait;
    return plan;
  }
  plan.kind = PlanKind::kRepair;
  HelperPart part{holders.live.front(), {}, 0};
  part.bytes[ByteCategory::kFullBlob] = record(blob).unencoded_bytes;
  plan.helpers.push_back(part);
  return plan;
}

std::vector<RepairResult> ReplicationScheme::execute_repairs(
    model::BlobIndex blob, std::span<const RepairRequest> requests, UnitStore& store) {
  const BlobRecord& rec = record(blob);
  std::vector<RepairResult> results(requests.size());
  for (std::size_t r = 0; r < requests.size(); ++r) {
    const RepairPlan& plan = *requests[r].plan;
    kernel::check_invariant(plan.kind == PlanKind::kRepair && plan.helpers.size() == 1,
                            "replication: execute without a plan");
    const model::ShardId helper = plan.helpers.front().helper;
    const UnitState state = store.state(blob, helper);
    const std::span<const std::uint8_t> copy = store.bytes(blob, helper);
    if ((state != UnitState::kValid && state != UnitState::kCorrupt) ||
        copy.size() != rec.unencoded_bytes) {
      continue;  // kFailed: the helper no longer holds its copy
    }
    if (copy_digest(copy) != rec.digest) {
      results[r].outcome = RepairOutcome::kHelperLied;
      results[r].bad_helpers.push_back(helper);
      continue;
    }
    store.put(blob, requests[r].target, std::vector<std::uint8_t>(copy.begin(), copy.end()));
    results[r].outcome = RepairOutcome::kRebuilt;
  }
  return results;
}

}  // namespace sliversim::schemes
