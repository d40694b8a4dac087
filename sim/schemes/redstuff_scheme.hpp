// The RedStuff scheme (REDSTUFF.md): every blob is encoded by the real codec and shard i stores
// sliver pair p = pair_for_shard(blob_id, i). Unit layout: primary sliver p (k_s symbols) then
// secondary sliver n-1-p (k_p symbols), (k_p + k_s)·s bytes; a kPartial unit (between the two
// phases of a two-phase repair) is the secondary sliver alone, k_p·s bytes. Per blob the scheme
// keeps only its metadata (64n + 32 B), blob ID, length and symbol size, never the expanded matrix.
// Repairs run as Walrus does them: helpers derive recovery symbols and Merkle proofs from their own
// stored bytes, the recovering side checks every proof, decodes and verifies against the metadata.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "codec/blob_metadata.hpp"
#include "codec/redstuff_params.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

struct RedStuffOptions {
  std::size_t threads = 1;   // codec workers inside one call (0 = hardware concurrency)
  bool helper_cache = true;  // reuse Merkle levels of intact slivers (redstuff_helper_cache.hpp)
  // Helpers' answers (symbols and proofs) one execute_repairs holds at once, about
  // n * (s + 512) bytes per target: more targets are served in further groups.
  std::size_t answer_budget_bytes = std::size_t{256} << 20;
};

// Planning (plan_repair): the target's pair is missing (its secondary is present when the target
// is kPartial); a shard counts as holding both slivers when its unit is kValid or kCorrupt (a
// corrupt unit looks valid until its proofs fail) and its owner honest, its secondary only when
// kPartial. Lost when fewer than k_p primaries and fewer than k_s secondaries are stored (whatever
// their reachability); otherwise codec::plan_pair_recovery over the reachable ones decides:
// - direct: secondary from k_p primary holders, primary from k_s secondary holders: kRepair;
// - two-phase, secondary first: if this node's rebuilt secondary completes k_s secondaries, both
//   in one repair (the primary from k_s - 1 remote symbols and its own); else the secondary only,
//   and execute_repairs reports kPartial (the next plan is kRepair for the primary, or kWait);
// - primary first with its own primary completing k_p primaries: both in one repair; else kWait
//   (a unit cannot hold a primary alone; the kPartial units that cause this can always proceed);
// - otherwise kWait.
// Helpers are taken in helper_ring order from helper_ring_start(blob); one shard may
// answer for both slivers. Bytes per symbol for target sliver index t: s payload (kSymbols) and
// framing + Merkle proof of leaf t (kProofs, recovery_symbol_wire_bytes(n, s, t) - s); the metadata
// fetch (kMetadata, metadata_wire_bytes(n)) is charged once, to the first helper, when the target
// lacks it (ShardAvailability::has_metadata false and not kPartial). A direct pair moves exactly
// codec::pair_recovery_cost(params, s, p, fetch_metadata).
class RedStuffScheme final : public StorageScheme {
 public:
  // The scheme for n shards, or nullptr when codec::RedStuffParams::check(n_shards) fails.
  static std::unique_ptr<RedStuffScheme> make(std::size_t n_shards, RedStuffOptions options);
  ~RedStuffScheme() override;
  RedStuffScheme(const RedStuffScheme&) = delete;
  RedStuffScheme& operator=(const RedStuffScheme&) = delete;

  std::string_view name() const override { return "redstuff"; }
  bool analytic() const override { return false; }
  using StorageScheme::encode;
  // The content is read straight into the first k_p primary slivers (the message rows).
  // REQUIRES: content.size() <= params().max_blob_bytes(); blob not currently encoded.
  void encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) override;
  std::size_t read_threshold() const override { return params_.primary_source_symbols(); }
  bool holds_unit(model::BlobIndex blob, model::ShardId shard) const override;
  std::uint64_t unit_bytes(model::BlobIndex blob, model::ShardId shard) const override;
  std::uint64_t stored_bytes(model::BlobIndex blob) const override;
  RepairPlan plan_repair(model::BlobIndex blob, model::ShardId target,
                         std::span<const ShardAvailability> shards) const override;
  // Helpers answer from their units in `store` through one batched expansion per axis (per
  // group of targets within answer_budget_bytes; the store is read as it was on entry throughout);
  // each request's slivers are recovered (proofs checked, decoded, hash checked) on up to
  // `threads` workers. Outcomes: kRebuilt (the pair is stored kValid), kPartial (the secondary is
  // stored kPartial), kHelperLied (symbols of bad_helpers failed their proofs; a secondary rebuilt
  // meanwhile is kept as kPartial), kFailed (a helper or the target's kPartial secondary no
  // longer holds the bytes the plan assumed; nothing stored).
  std::vector<RepairResult> execute_repairs(model::BlobIndex blob,
                                            std::span<const RepairRequest> requests,
                                            UnitStore& store) override;
  void forget(model::BlobIndex blob) override;

  const codec::RedStuffParams& params() const { return params_; }
  // The metadata of an encoded blob. REQUIRES: encoded and not forgotten (for all below).
  const codec::BlobMetadata& metadata(model::BlobIndex blob) const;
  const codec::BlobId& blob_id(model::BlobIndex blob) const;
  std::size_t symbol_bytes(model::BlobIndex blob) const;
  // The sliver pair that `shard` stores of the blob.
  codec::SliverPairIndex pair_of_shard(model::BlobIndex blob, model::ShardId shard) const;
  // Bytes the helper cache holds now, over all blobs.
  std::uint64_t cache_bytes() const;

  // The unit of pair p as stored: primary sliver p then secondary sliver n-1-p. REQUIRES: p < n.
  static std::vector<std::uint8_t> unit_of_pair(const codec::ExpandedBlob& expanded,
                                                codec::SliverPairIndex p);

  // What the scheme keeps per blob; defined for its implementation files in redstuff_record.hpp.
  struct BlobRecord;

 private:
  RedStuffScheme(codec::RedStuffParams params, RedStuffOptions options);
  const BlobRecord& record(model::BlobIndex blob) const;
  BlobRecord& record(model::BlobIndex blob);

  codec::RedStuffParams params_;
  RedStuffOptions options_;
  std::vector<std::unique_ptr<BlobRecord>> blobs_;  // by blob index; null when not encoded
};

}  // namespace sliversim::schemes
