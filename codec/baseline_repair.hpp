// What the baseline codecs (1-D Reed–Solomon full-blob rebuild, r-way replication) share: a status
// for every expected failure, piece identifiers, and the byte accounting of a repair. A baseline
// repair downloads whole pieces and nothing else (no proofs, no metadata): the bytes counted are
// the piece data, which is what REDSTUFF.md §4's baseline table compares RedStuff against.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace sliversim::codec {

enum class [[nodiscard]] BaselineStatus : std::uint8_t{
    kOk,
    kInvalidShape,       // unsupported shard count, source piece count or number of copies
    kTooFewPieces,       // fewer distinct live pieces than needed
    kInvalidPieceIndex,  // a piece index >= the number of pieces
    kDuplicatePiece,     // the same piece index given twice
    kWrongPieceSize,     // a piece whose byte count is not the scheme's piece size
};

// A one-line English description ("too few pieces to repair", ...).
std::string_view describe(BaselineStatus status);

// Index of a piece (equivalently, of the shard storing it), 0..n-1.
enum class PieceIndex : std::uint32_t {};
constexpr std::size_t to_size(PieceIndex i) { return static_cast<std::size_t>(i); }

// A piece handed to a repair; the bytes stay the caller's.
struct PieceRef {
  PieceIndex index{};
  std::span<const std::uint8_t> data;
};

// Bytes downloaded by baseline repairs.
struct BaselineRepairCost {
  std::uint64_t pieces_downloaded = 0;  // whole pieces (or copies) fetched
  std::uint64_t download_bytes = 0;     // their bytes ("full_blob" in the results)

  BaselineRepairCost& operator+=(const BaselineRepairCost& other) {
    pieces_downloaded += other.pieces_downloaded;
    download_bytes += other.download_bytes;
    return *this;
  }
  bool operator==(const BaselineRepairCost&) const = default;
};

}  // namespace sliversim::codec
