// The full-blob-rebuild Reed–Solomon baseline (codec/baseline_rs_rebuild.hpp): a blob is cut into
// k = k_p pieces and extended to n with RedStuff's own column code; piece i is the unit of shard i
// (not rotated by a blob ID: every piece has the same size and any k decode, so placement changes
// no byte count). A lost piece is rebuilt from k whole pieces (kFullBlob), really decoded and
// re-encoded. Per blob the scheme keeps the length and each piece's BLAKE2b-256 digest (32n B), a
// simulator check standing in for per-piece checksums: a corrupt helper piece is caught before
// decoding. The digests are not counted as repair bytes, as the baseline table has none. A piece
// is hashed again only when its store version (UnitStore::version) changed since it last matched
// its digest: unchanged bytes need no second check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "codec/baseline_rs_rebuild.hpp"
#include "codec/blake2b.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// Planning: lost when fewer than k honest shards (other than the target) store a piece that looks
// valid (kValid or kCorrupt), whatever their reachability; otherwise kRepair with the first k
// reachable ones in helper_ring order (each sends its whole piece), or kWait if there are fewer.
class RsRebuildScheme final : public StorageScheme {
 public:
  // The scheme for n shards with `threads` codec workers per call (0 = hardware concurrency),
  // or nullptr when codec::RsRebuildCode::make(n_shards) fails. Results never depend on threads.
  static std::unique_ptr<RsRebuildScheme> make(std::size_t n_shards, std::size_t threads = 1);

  std::string_view name() const override { return "rs_rebuild"; }
  bool analytic() const override { return false; }
  using StorageScheme::encode;
  // The content is read straight into pieces 0..k-1. REQUIRES: blob not currently encoded.
  void encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) override;
  std::size_t read_threshold() const override { return code_.source_pieces(); }
  bool holds_unit(model::BlobIndex blob, model::ShardId shard) const override;
  std::uint64_t unit_bytes(model::BlobIndex blob, model::ShardId shard) const override;
  std::uint64_t stored_bytes(model::BlobIndex blob) const override;
  RepairPlan plan_repair(model::BlobIndex blob, model::ShardId target,
                         std::span<const ShardAvailability> shards) const override;
  // Checks every helper piece against its digest (a mismatch: kHelperLied naming it; a helper
  // without its piece: kFailed), then rebuilds the targets of all clean requests with one decode
  // from the first clean request's k pieces (any k verified pieces give the same bytes; a few
  // targets are combinations of the k pieces, many take the transform decoder) and stores each
  // after checking it against its digest.
  std::vector<RepairResult> execute_repairs(model::BlobIndex blob,
                                            std::span<const RepairRequest> requests,
                                            UnitStore& store) override;
  void forget(model::BlobIndex blob) override;

  const codec::RsRebuildCode& code() const { return code_; }

 private:
  struct BlobRecord {
    bool present = false;
    std::uint64_t unencoded_bytes = 0;
    std::size_t piece_bytes = 0;
    std::vector<codec::Digest> digests;  // by piece
    std::vector<std::uint64_t> checked;  // by piece: store version that matched its digest, or 0
  };
  // The outcome of checking one helper's piece against its digest.
  enum class PieceCheck : std::uint8_t { kGood, kGone, kBad };

  RsRebuildScheme(codec::RsRebuildCode code, std::size_t threads)
      : code_(code), threads_(threads) {}
  const BlobRecord& record(model::BlobIndex blob) const;
  BlobRecord& record(model::BlobIndex blob);
  // Compares the piece with its digest unless its version was already checked; records a match.
  static PieceCheck check_piece(const UnitStore& store, model::BlobIndex blob, model::ShardId shard,
                                BlobRecord& rec);
  // Rebuilds the targets of requests[clean] with one decode and stores them.
  void rebuild(model::BlobIndex blob, std::span<const RepairRequest> requests,
               const std::vector<std::size_t>& clean, UnitStore& store,
               std::vector<RepairResult>& results);

  codec::RsRebuildCode code_;
  std::size_t threads_;
  std::vector<BlobRecord> blobs_;
};

}  // namespace sliversim::schemes
