// The r-way replication baseline (codec/baseline_replication.hpp): r whole copies of a blob on r
// shards spread evenly around the ring, shard (h + floor(j·n/r)) mod n for copy j = 0..r-1, with
// h = mix64(blob index) mod n; other shards hold nothing. A lost copy is rebuilt by downloading
// one whole copy (kFullBlob, L bytes) and checking it against the blob's digest, kept per blob (a
// simulator check, not counted as repair bytes): BLAKE2b-256 over the BLAKE2b-256 digests of the
// copy's 64 KiB chunks, which hashes in lane-parallel batches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "codec/blake2b.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// Planning: REQUIRES the target holds a copy (holds_unit). Lost when no other honest replica
// shard stores a copy that looks valid (kValid or kCorrupt); kRepair from the first reachable one
// in helper_ring order, else kWait.
class ReplicationScheme final : public StorageScheme {
 public:
  // r = `copies` copies over n shards, or nullptr unless 1 <= copies <= n_shards. Copy digests
  // are computed on `threads` workers (0 = hardware concurrency).
  static std::unique_ptr<ReplicationScheme> make(std::size_t n_shards, std::size_t copies,
                                                 std::size_t threads = 1);

  std::string_view name() const override { return "replication"; }
  bool analytic() const override { return false; }
  using StorageScheme::encode;
  // The content is read into the first copy. REQUIRES: blob not currently encoded.
  void encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) override;
  std::size_t read_threshold() const override { return 1; }
  // True on the blob's r replica shards. Depends only on the blob index (valid before encode).
  bool holds_unit(model::BlobIndex blob, model::ShardId shard) const override;
  // L on a replica shard, 0 elsewhere.
  std::uint64_t unit_bytes(model::BlobIndex blob, model::ShardId shard) const override;
  std::uint64_t stored_bytes(model::BlobIndex blob) const override;
  RepairPlan plan_repair(model::BlobIndex blob, model::ShardId target,
                         std::span<const ShardAvailability> shards) const override;
  // Copies the helper's bytes to the target when they match the digest (else kHelperLied naming
  // the helper; a helper without its copy: kFailed).
  std::vector<RepairResult> execute_repairs(model::BlobIndex blob,
                                            std::span<const RepairRequest> requests,
                                            UnitStore& store) override;
  void forget(model::BlobIndex blob) override;

  std::size_t copies() const { return copies_; }
  // The replica shards of the blob, copy 0 first.
  std::vector<model::ShardId> replica_shards(model::BlobIndex blob) const;

 private:
  struct BlobRecord {
    bool present = false;
    std::uint64_t unencoded_bytes = 0;
    codec::Digest digest{};
  };
  ReplicationScheme(std::size_t n_shards, std::size_t copies, std::size_t threads)
      : n_shards_(n_shards), copies_(copies), threads_(threads) {}
  const BlobRecord& record(model::BlobIndex blob) const;
  codec::Digest copy_digest(std::span<const std::uint8_t> copy) const;

  std::size_t n_shards_;
  std::size_t copies_;
  std::size_t threads_;
  std::vector<BlobRecord> blobs_;
};

}  // namespace sliversim::schemes
