// The MSR cut-set bound as an analytic storage scheme (see msr_bound_scheme.hpp).
#include "sim/schemes/msr_bound_scheme.hpp"

#include "codec/baseline_msr_bound.hpp"
#include "codec/redstuff_params.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/schemes/helper_ring.hpp"

namespace sliversim::schemes {

std::unique_ptr<MsrBoundScheme> MsrBoundScheme::make(std::size_t n_shards) {
  const std::optional<codec::RedStuffParams> params = codec::RedStuffParams::make(n_shards);
  if (!params) return nullptr;
  return std::unique_ptr<MsrBoundScheme>(
      new MsrBoundScheme(n_shards, params->primary_source_symbols()));
}

const MsrBoundScheme::BlobRecord& MsrBoundScheme::record(model::BlobIndex blob) const {
  const std::size_t b = model::index_of(blob);
  kernel::check_invariant(b < blobs_.size() && blobs_[b].present,
                          "msr_bound: a blob that is not encoded");
  return blobs_[b];
}

void MsrBoundScheme::encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) {
  const std::size_t b = model::index_of(blob);
  if (b >= blobs_.size()) blobs_.resize(b + 1);
  kernel::check_invariant(!blobs_[b].present, "msr_bound: a blob encoded twice");
  blobs_[b] = {true, content.size()};
  for (std::size_t i = 0; i < n_shards_; ++i) store.put(blob, model::id_at<model::ShardId>(i), {});
}

bool MsrBoundScheme::holds_unit(model::BlobIndex, model::ShardId) const { return true; }

std::uint64_t MsrBoundScheme::unit_bytes(model::BlobIndex blob, model::ShardId) const {
  return (record(blob).unencoded_bytes + k_ - 1) / k_;
}

std::uint64_t MsrBoundScheme::stored_bytes(model::BlobIndex blob) const {
  return codec::msr_bound(record(blob).unencoded_bytes, n_shards_, k_, n_shards_ - 1)
      ->storage_bytes;
}

void MsrBoundScheme::forget(model::BlobIndex blob) {
  const std::size_t b = model::index_of(blob);
  if (b < blobs_.size()) blobs_[b] = BlobRecord{};
}

RepairPlan MsrBoundScheme::plan_repair(model::BlobIndex blob, model::ShardId target,
                                       std::span<const ShardAvailability> shards) const {
  kernel::check_invariant(shards.size() == n_shards_ && model::index_of(target) < n_shards_,
                          "msr_bound: a repair planned with the wrong shard count");
  const UnitHolders holders = unit_holders(blob, target, shards, n_shards_);
  RepairPlan plan;
  if (holders.stored < k_) return plan;  // kUnrecoverable
  if (holders.live.size() < k_) {
    plan.kind = PlanKind::kWait;
    return plan;
  }
  plan.kind = PlanKind::kRepair;
  const std::size_t d = holders.live.size();
  const std::uint64_t gamma =
      codec::msr_bound(record(blob).unencoded_bytes, n_shards_, k_, d)->repair_bytes;
  for (std::size_t i = 0; i < d; ++i) {
    HelperPart part{holders.live[i], {}, 0};
    part.bytes[ByteCategory::kFullBlob] = gamma / d + (i < gamma % d ? 1 : 0);
    plan.helpers.push_back(part);
  }
  return plan;
}

std::vector<RepairResult> MsrBoundScheme::execute_repairs(model::BlobIndex blob,
                                                          std::span<const RepairRequest> requests,
                                                          UnitStore& store) {
  std::vector<RepairResult> results(requests.size());
  for (std::size_t r = 0; r < requests.size(); ++r) {
    store.put(blob, requests[r].target, {});
    results[r].outcome = RepairOutcome::kRebuilt;
  }
  return results;
}

}  // namespace sliversim::schemes
