// The MSR cut-set bound (codec/baseline_msr_bound.hpp) as an analytic scheme: nothing is stored
// or decoded, only counted (the results label it analytic). Every shard holds a virtual unit of
// alpha = ceil(L / k) bytes with k = k_p, kept in the store as an empty placeholder so that loss
// and availability are tracked like the other schemes'. A lost unit is regenerated from d helpers,
// all the reachable honest holders (d = n - 1 when every other shard is up), together sending
// gamma = ceil(d·L / (k·(d - k + 1))) bytes (kFullBlob), split as evenly as integers allow.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// Planning: lost when fewer than k honest shards other than the target hold a placeholder that
// looks valid; kWait while fewer than k of them are reachable.
class MsrBoundScheme final : public StorageScheme {
 public:
  // The bound for n shards with k = k_p(n), or nullptr when n < 4.
  static std::unique_ptr<MsrBoundScheme> make(std::size_t n_shards);

  std::string_view name() const override { return "msr_bound"; }
  bool analytic() const override { return true; }
  using StorageScheme::encode;
  // Records the length (the content is not read) and stores an empty kValid placeholder on
  // every shard.
  void encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) override;
  std::size_t read_threshold() const override { return k_; }
  bool holds_unit(model::BlobIndex blob, model::ShardId shard) const override;
  // alpha = ceil(L / k).
  std::uint64_t unit_bytes(model::BlobIndex blob, model::ShardId shard) const override;
  // ceil(n·L / k).
  std::uint64_t stored_bytes(model::BlobIndex blob) const override;
  RepairPlan plan_repair(model::BlobIndex blob, model::ShardId target,
                         std::span<const ShardAvailability> shards) const override;
  // Stores each target's empty placeholder: always kRebuilt.
  std::vector<RepairResult> execute_repairs(model::BlobIndex blob,
                                            std::span<const RepairRequest> requests,
                                            UnitStore& store) override;
  void forget(model::BlobIndex blob) override;

 private:
  struct BlobRecord {
    bool present = false;
    std::uint64_t unencoded_bytes = 0;
  };
  MsrBoundScheme(std::size_t n_shards, std::size_t k) : n_shards_(n_shards), k_(k) {}
  const BlobRecord& record(model::BlobIndex blob) const;

  std::size_t n_shards_;
  std::size_t k_;
  std::vector<BlobRecord> blobs_;
};

}  // namespace sliversim::schemes
