// The 1-D Reed–Solomon full-blob rebuild baseline (see baseline_rs_rebuild.hpp).
#include "codec/baseline_rs_rebuild.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "codec/parallel.hpp"
#include "codec/rs_direct_decode.hpp"

namespace sliversim::codec {
namespace {

constexpr std::size_t kMinShards = 4;

// Checks the first k live pieces (index range, duplicates, size) and returns their positions.
BaselineStatus check_live(const RsRebuildCode& code, std::size_t piece_bytes,
                          std::span<const PieceRef> live, std::vector<ShardIn>* used) {
  const std::size_t n = code.n_shards();
  const std::size_t k = code.source_pieces();
  std::vector<std::uint8_t> seen(n, 0);
  for (const PieceRef& piece : live.first(std::min(k, live.size()))) {
    if (to_size(piece.index) >= n) return BaselineStatus::kInvalidPieceIndex;
    if (seen[to_size(piece.index)] != 0) return BaselineStatus::kDuplicatePiece;
    seen[to_size(piece.index)] = 1;
    if (piece.data.size() != piece_bytes) return BaselineStatus::kWrongPieceSize;
    used->push_back({to_size(piece.index), piece.data.data()});
  }
  return used->size() < k ? BaselineStatus::kTooFewPieces : BaselineStatus::kOk;
}

BaselineStatus check_lost(std::size_t n, std::span<const PieceIndex> lost) {
  std::vector<std::uint8_t> seen(n, 0);
  for (const PieceIndex i : lost) {
    if (to_size(i) >= n) return BaselineStatus::kInvalidPieceIndex;
    if (seen[to_size(i)] != 0) return BaselineStatus::kDuplicatePiece;
    seen[to_size(i)] = 1;
  }
  return BaselineStatus::kOk;
}

// Bytes of one whole block of 32 elements inside a symbol (REDSTUFF.md §5).
constexpr std::size_t kSymbolBlockBytes = 64;

// Whole blocks of a piece one codec call handles at most: its work array (every shard's part)
// then stays near 100 MB however large the pieces are.
constexpr std::size_t kPartBytes = std::size_t{64} << 10;

// One part of a piece the codec handles on its own.
struct Part {
  std::size_t offset;
  std::size_t bytes;
};

// The parts of a piece: runs of at most kPartBytes of its whole 64-byte blocks, then its tail.
// The code acts on each 16-bit element independently and whole blocks hold the same elements as
// a symbol of just those blocks, as does the tail, so coding the parts separately gives the same
// bytes as one call over the whole piece while the blocks are copied in and out whole.
std::vector<Part> parts_of(std::size_t piece_bytes) {
  std::vector<Part> parts;
  const std::size_t head = piece_bytes - piece_bytes % kSymbolBlockBytes;
  for (std::size_t offset = 0; offset < head; offset += kPartBytes) {
    parts.push_back({offset, std::min(kPartBytes, head - offset)});
  }
  if (head != piece_bytes) parts.push_back({head, piece_bytes - head});
  return parts;
}

// Calls fn(part) for every part of a piece, the parts shared among `threads` workers.
template <class Fn>
void for_each_part(std::size_t piece_bytes, std::size_t threads, Fn fn) {
  const std::vector<Part> parts = parts_of(piece_bytes);
  parallel_ranges(parts.size(), resolve_threads(threads), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) fn(parts[i]);
  });
}

// One decode of the single codeword (symbol = one piece) revealing `wanted`: as combinations of
// the k pieces when few are wanted (rs_direct_decode.hpp), else by the transform decoder. Both
// give the same bytes.
void decode_pieces(const RsRebuildCode& code, std::size_t piece_bytes,
                   std::span<const ShardIn> used, std::span<const ShardOut> wanted,
                   std::size_t threads) {
  std::vector<std::size_t> received;
  for (const ShardIn& in : used) received.push_back(in.index);
  // Inputs were checked, so a codec error is a broken invariant.
  RsErasurePlan plan;
  if (RsErasurePlan::make(code.code(), received, &plan) != RsStatus::kOk) std::abort();
  const auto erased = static_cast<std::size_t>(std::count_if(
      wanted.begin(), wanted.end(), [&](const ShardOut& w) { return !plan.received(w.index); }));
  if (rs_direct_decode_pays(code.code(), erased, piece_bytes)) {
    if (rs_decode_direct(plan, Batch{piece_bytes, 1, 0}, used, wanted, threads) != RsStatus::kOk) {
      std::abort();
    }
    return;
  }
  for_each_part(piece_bytes, threads, [&](const Part& part) {
    std::vector<ShardIn> in(used.begin(), used.end());
    std::vector<ShardOut> out(wanted.begin(), wanted.end());
    for (ShardIn& shard : in) shard.data += part.offset;
    for (ShardOut& shard : out) shard.data += part.offset;
    if (rs_decode(plan, Batch{part.bytes, 1, piece_bytes}, in, out) != RsStatus::kOk) {
      std::abort();
    }
  });
}

}  // namespace

std::optional<RsRebuildCode> RsRebuildCode::make(std::size_t n_shards) {
  if (n_shards < kMinShards) return std::nullopt;
  return make(n_shards, n_shards - 2 * ((n_shards - 1) / 3));
}

std::optional<RsRebuildCode> RsRebuildCode::make(std::size_t n_shards, std::size_t source_pieces) {
  if (source_pieces == 0 || source_pieces >= n_shards) return std::nullopt;
  const std::optional<RsCode> code = RsCode::make(source_pieces, n_shards - source_pieces);
  if (!code) return std::nullopt;
  return RsRebuildCode(*code);
}

std::size_t RsRebuildCode::piece_bytes(std::uint64_t blob_bytes) const {
  const std::uint64_t k = source_pieces();
  const std::uint64_t bytes = (std::max<std::uint64_t>(blob_bytes, 1) + k - 1) / k;
  return static_cast<std::size_t>(bytes + bytes % 2);
}

std::uint64_t RsRebuildCode::storage_bytes(std::uint64_t blob_bytes) const {
  return static_cast<std::uint64_t>(n_shards()) * piece_bytes(blob_bytes);
}

BaselineRepairCost RsRebuildCode::repair_cost(std::uint64_t blob_bytes,
                                              std::size_t lost_pieces) const {
  const std::uint64_t pieces = static_cast<std::uint64_t>(lost_pieces) * source_pieces();
  return {pieces, pieces * piece_bytes(blob_bytes)};
}

std::span<const std::uint8_t> RsRebuildBlob::piece(PieceIndex i) const {
  return std::span<const std::uint8_t>(pieces_).subspan(to_size(i) * piece_bytes_, piece_bytes_);
}

BaselineStatus rs_rebuild_encode_parity(const RsRebuildCode& code, std::uint64_t blob_bytes,
                                        std::span<std::uint8_t* const> pieces,
                                        std::size_t threads) {
  const std::size_t n = code.n_shards();
  const std::size_t k = code.source_pieces();
  const std::size_t p = code.piece_bytes(blob_bytes);
  if (pieces.size() != n || std::any_of(pieces.begin(), pieces.end(),
                                        [](const std::uint8_t* x) { return x == nullptr; })) {
    return BaselineStatus::kInvalidShape;
  }
  for_each_part(p, threads, [&](const Part& part) {
    std::vector<const std::uint8_t*> originals(k);
    std::vector<std::uint8_t*> recovery(n - k);
    for (std::size_t i = 0; i < k; ++i) originals[i] = pieces[i] + part.offset;
    for (std::size_t i = k; i < n; ++i) recovery[i - k] = pieces[i] + part.offset;
    // The code exists and the pointers were checked: a codec error is a broken invariant.
    if (rs_encode(code.code(), Batch{part.bytes, 1, 0}, originals, recovery) != RsStatus::kOk) {
      std::abort();
    }
  });
  return BaselineStatus::kOk;
}

BaselineStatus rs_rebuild_encode_into(const RsRebuildCode& code, std::span<const std::uint8_t> blob,
                                      std::span<std::uint8_t* const> pieces, std::size_t threads) {
  const std::size_t n = code.n_shards();
  const std::size_t k = code.source_pieces();
  const std::size_t p = code.piece_bytes(blob.size());
  if (pieces.size() != n || std::any_of(pieces.begin(), pieces.end(),
                                        [](const std::uint8_t* x) { return x == nullptr; })) {
    return BaselineStatus::kInvalidShape;
  }
  parallel_ranges(k, resolve_threads(threads), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {  // the blob, zero-padded to k pieces
      const std::size_t from = std::min(blob.size(), i * p);
      const std::size_t bytes = std::min(blob.size() - from, p);
      if (bytes > 0) std::memcpy(pieces[i], blob.data() + from, bytes);
      std::memset(pieces[i] + bytes, 0, p - bytes);
    }
  });
  return rs_rebuild_encode_parity(code, blob.size(), pieces, threads);
}

BaselineStatus rs_rebuild_encode(const RsRebuildCode& code, std::span<const std::uint8_t> blob,
                                 RsRebuildBlob* out) {
  const std::size_t n = code.n_shards();
  const std::size_t p = code.piece_bytes(blob.size());
  std::vector<std::uint8_t> all(n * p);
  std::vector<std::uint8_t*> pieces(n);
  for (std::size_t i = 0; i < n; ++i) pieces[i] = all.data() + i * p;
  if (const BaselineStatus st = rs_rebuild_encode_into(code, blob, pieces);
      st != BaselineStatus::kOk) {
    return st;
  }
  out->unencoded_bytes_ = blob.size();
  out->piece_bytes_ = p;
  out->piece_count_ = n;
  out->pieces_ = std::move(all);
  return BaselineStatus::kOk;
}

BaselineStatus rs_rebuild_repair(const RsRebuildCode& code, std::uint64_t blob_bytes,
                                 std::span<const PieceRef> live, std::span<const PieceIndex> lost,
                                 std::vector<std::vector<std::uint8_t>>* rebuilt,
                                 BaselineRepairCost* cost, std::size_t threads) {
  const std::size_t p = code.piece_bytes(blob_bytes);
  if (const BaselineStatus st = check_lost(code.n_shards(), lost); st != BaselineStatus::kOk) {
    return st;
  }
  std::vector<ShardIn> used;
  if (const BaselineStatus st = check_live(code, p, live, &used); st != BaselineStatus::kOk) {
    return st;
  }
  std::vector<std::vector<std::uint8_t>> pieces(lost.size(), std::vector<std::uint8_t>(p));
  std::vector<ShardOut> wanted;
  for (std::size_t j = 0; j < lost.size(); ++j)
    wanted.push_back({to_size(lost[j]), pieces[j].data()});
  if (!wanted.empty()) decode_pieces(code, p, used, wanted, threads);
  *rebuilt = std::move(pieces);
  *cost += code.repair_cost(blob_bytes, lost.size());
  return BaselineStatus::kOk;
}

BaselineStatus rs_rebuild_decode(const RsRebuildCode& code, std::uint64_t blob_bytes,
                                 std::span<const PieceRef> pieces,
                                 std::vector<std::uint8_t>* blob) {
  const std::size_t k = code.source_pieces();
  const std::size_t p = code.piece_bytes(blob_bytes);
  std::vector<ShardIn> used;
  if (const BaselineStatus st = check_live(code, p, pieces, &used); st != BaselineStatus::kOk) {
    return st;
  }
  std::vector<std::uint8_t> out(k * p);
  std::vector<ShardOut> wanted(k);
  for (std::size_t i = 0; i < k; ++i) wanted[i] = {i, out.data() + i * p};
  decode_pieces(code, p, used, wanted, 1);
  out.resize(static_cast<std::size_t>(blob_bytes));
  *blob = std::move(out);
  return BaselineStatus::kOk;
}

}  // namespace sliversim::codec
