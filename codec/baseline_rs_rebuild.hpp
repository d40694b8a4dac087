// Baseline: 1-D Reed–Solomon "full-blob rebuild" over n shards (REDSTUFF.md §4 baseline table).
// A blob of L bytes is cut into k = k_p(n) = n - 2 floor((n-1)/3) source pieces of
//   P = ceil(max(L, 1) / k) bytes, rounded up to even (the GF(2^16) symbol size),
// zero-padded at the end (k P - L zero bytes; an empty blob is one piece of zeros, P = 2), and
// extended with the same GF(2^16) code RS(k -> n - k) that RedStuff uses for its columns to n
// pieces; piece i is stored on shard i (pieces 0..k-1 are the blob itself). Storage is n P ≈ 3 L
// at n = 1000. Repairing a lost piece downloads k whole pieces from live holders, decodes and
// re-encodes the lost one (one erasure decode that reveals the wanted positions); several lost
// pieces of one blob can share one decode, yet each is still charged its own k downloads, as
// independent holders would each fetch them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "codec/baseline_repair.hpp"
#include "codec/rs16.hpp"

namespace sliversim::codec {

// The shape of the rebuild baseline for n shards. Value type; cheap to copy.
class RsRebuildCode {
 public:
  // n shards with k = k_p(n) source pieces; nullopt when n < 4 or the code does not exist.
  static std::optional<RsRebuildCode> make(std::size_t n_shards);
  // n shards with k source pieces; nullopt unless 1 <= k < n and RS(k -> n - k) exists.
  static std::optional<RsRebuildCode> make(std::size_t n_shards, std::size_t source_pieces);

  std::size_t n_shards() const { return code_.total_count(); }
  std::size_t source_pieces() const { return code_.original_count(); }
  const RsCode& code() const { return code_; }
  // P: ceil(max(L, 1) / k) rounded up to even.
  std::size_t piece_bytes(std::uint64_t blob_bytes) const;
  // Bytes stored over all shards: n P.
  std::uint64_t storage_bytes(std::uint64_t blob_bytes) const;
  // Bytes a repair of `lost_pieces` pieces downloads: k pieces (k P bytes) per lost piece.
  BaselineRepairCost repair_cost(std::uint64_t blob_bytes, std::size_t lost_pieces) const;

 private:
  explicit RsRebuildCode(RsCode code) : code_(code) {}
  RsCode code_;
};

// The n pieces of one blob, back to back. Move-only in spirit (it may be large).
class RsRebuildBlob {
 public:
  RsRebuildBlob() = default;

  std::uint64_t unencoded_bytes() const { return unencoded_bytes_; }
  std::size_t piece_bytes() const { return piece_bytes_; }
  std::size_t piece_count() const { return piece_count_; }
  // Piece i (P bytes). REQUIRES: i < piece_count().
  std::span<const std::uint8_t> piece(PieceIndex i) const;

 private:
  friend BaselineStatus rs_rebuild_encode(const RsRebuildCode&, std::span<const std::uint8_t>,
                                          RsRebuildBlob*);
  std::uint64_t unencoded_bytes_ = 0;
  std::size_t piece_bytes_ = 0;
  std::size_t piece_count_ = 0;
  std::vector<std::uint8_t> pieces_;
};

// Encodes `blob` into n pieces. Returns kOk (always, for a valid code).
BaselineStatus rs_rebuild_encode(const RsRebuildCode& code, std::span<const std::uint8_t> blob,
                                 RsRebuildBlob* out);

// Encodes `blob` into n caller buffers: pieces[i] receives piece i, piece_bytes(blob.size())
// bytes, the same bytes as rs_rebuild_encode, with `threads` workers (0 = hardware concurrency).
// Returns kOk, or kInvalidShape (nothing written) when pieces does not hold n non-null buffers.
// REQUIRES: the buffers do not overlap.
BaselineStatus rs_rebuild_encode_into(const RsRebuildCode& code, std::span<const std::uint8_t> blob,
                                      std::span<std::uint8_t* const> pieces,
                                      std::size_t threads = 1);

// rs_rebuild_encode_into with the blob already in place: pieces[0, k) hold the blob's
// `blob_bytes` bytes in order, zero-padded (a caller producing the blob piece by piece writes it
// there); writes the n - k recovery pieces. Same statuses; the same bytes.
BaselineStatus rs_rebuild_encode_parity(const RsRebuildCode& code, std::uint64_t blob_bytes,
                                        std::span<std::uint8_t* const> pieces,
                                        std::size_t threads = 1);

// Rebuilds the pieces listed in `lost` of a blob of `blob_bytes` bytes from the first k pieces of
// `live` (in the order given; the others are ignored and not charged), with one decode. On kOk,
// (*rebuilt)[j] is piece lost[j], byte-identical to the encoder's, and *cost grows by
// repair_cost(blob_bytes, lost.size()). Returns kOk, kInvalidPieceIndex, kDuplicatePiece (in
// live or in lost), kWrongPieceSize, or kTooFewPieces; nothing is written on failure. The decode
// runs on `threads` workers (0 = hardware concurrency); the bytes do not depend on them.
BaselineStatus rs_rebuild_repair(const RsRebuildCode& code, std::uint64_t blob_bytes,
                                 std::span<const PieceRef> live, std::span<const PieceIndex> lost,
                                 std::vector<std::vector<std::uint8_t>>* rebuilt,
                                 BaselineRepairCost* cost, std::size_t threads = 1);

// Decodes the whole blob from the first k of `pieces`. Same statuses as rs_rebuild_repair.
BaselineStatus rs_rebuild_decode(const RsRebuildCode& code, std::uint64_t blob_bytes,
                                 std::span<const PieceRef> pieces, std::vector<std::uint8_t>* blob);

}  // namespace sliversim::codec
