// RedStuff ("RS2") parameters for n shards (REDSTUFF.md §1-§2): f = floor((n-1)/3) faulty shards
// tolerated, k_p = n - 2f primary source symbols (rows of the message matrix, symbols of a
// secondary sliver), k_s = n - f secondary source symbols (columns, symbols of a primary sliver),
// the symbol size of a blob, the largest blob, and the index maps between slivers and pairs.
//
// Naming trap: primary slivers are ROWS of the expanded matrix but are produced by the COLUMN code
// (RS(k_p -> n), "primary code"); secondary slivers are columns produced by the row code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "codec/redstuff_status.hpp"
#include "codec/rs16.hpp"

namespace sliversim::codec {

enum class SliverAxis : std::uint8_t { kPrimary, kSecondary };

// Index of a primary or secondary sliver (row or column of the expanded matrix), 0..n-1.
enum class SliverIndex : std::uint32_t {};
// Index of a sliver pair (primary sliver p with secondary sliver n-1-p), 0..n-1.
enum class SliverPairIndex : std::uint32_t {};
// Index of a shard, 0..n-1; pairs are rotated onto shards by the blob ID.
enum class ShardIndex : std::uint32_t {};

constexpr std::size_t to_size(SliverIndex i) { return static_cast<std::size_t>(i); }
constexpr std::size_t to_size(SliverPairIndex i) { return static_cast<std::size_t>(i); }
constexpr std::size_t to_size(ShardIndex i) { return static_cast<std::size_t>(i); }

// The other axis.
constexpr SliverAxis orthogonal(SliverAxis axis) {
  return axis == SliverAxis::kPrimary ? SliverAxis::kSecondary : SliverAxis::kPrimary;
}

// The shape of RedStuff for one shard count. Value type; cheap to copy.
class RedStuffParams {
 public:
  static constexpr std::size_t kMinShards = 4;
  // The largest n: beyond it the row code RS(k_s -> n) would need more than 65 536 FFT points
  // (Walrus's u16 shard count would allow 65 535). Every n in [kMinShards, kMaxShards] is valid.
  static constexpr std::size_t kMaxShards = 49155;
  static constexpr std::size_t kMaxSymbolBytes = 65534;

  // kOk when kMinShards <= n <= kMaxShards (both 1-D codes of n shards exist), else
  // kInvalidShardCount.
  static RedStuffStatus check(std::size_t n_shards);
  // The parameters for n shards, or nullopt when check(n_shards) fails.
  static std::optional<RedStuffParams> make(std::size_t n_shards);

  std::size_t n_shards() const { return n_; }
  // f: the number of faulty shards tolerated.
  std::size_t max_faulty() const { return f_; }
  // k_p = n - 2f: rows of the message matrix; symbols per secondary sliver; primary slivers (or
  // shards holding their pair) needed to decode the blob.
  std::size_t primary_source_symbols() const { return n_ - 2 * f_; }
  // k_s = n - f: columns of the message matrix; symbols per primary sliver; secondary slivers
  // needed to decode the blob.
  std::size_t secondary_source_symbols() const { return n_ - f_; }
  // Symbols in one sliver of `axis` (primary: k_s, secondary: k_p).
  std::size_t symbols_per_sliver(SliverAxis axis) const;
  // Slivers of `axis` needed to decode the whole blob (primary: k_p, secondary: k_s).
  std::size_t decoding_threshold(SliverAxis axis) const;

  // The column code RS(k_p -> n): encodes each column, expands a secondary sliver to n symbols.
  const RsCode& primary_code() const { return primary_code_; }
  // The row code RS(k_s -> n): encodes each row, expands a primary sliver to n symbols.
  const RsCode& secondary_code() const { return secondary_code_; }
  // The code that expands a sliver of `axis` (primary: secondary_code, secondary: primary_code).
  const RsCode& expansion_code(SliverAxis axis) const;

  // The symbol size for a blob of `blob_bytes` bytes: ceil(max(L,1) / (k_p k_s)) rounded up to
  // even. Returns kOk, or kBlobTooLarge when that exceeds kMaxSymbolBytes.
  RedStuffStatus symbol_bytes_for(std::uint64_t blob_bytes, std::size_t* symbol_bytes) const;
  // The largest encodable blob: k_p * k_s * 65 534 bytes.
  std::uint64_t max_blob_bytes() const;

  // The sliver of `axis` in pair p: primary sliver p, or secondary sliver n-1-p.
  // REQUIRES: p < n.
  SliverIndex sliver_of_pair(SliverPairIndex p, SliverAxis axis) const;
  // The pair holding sliver i of `axis` (the inverse of sliver_of_pair). REQUIRES: i < n.
  SliverPairIndex pair_of_sliver(SliverIndex i, SliverAxis axis) const;

 private:
  RedStuffParams(std::size_t n, RsCode primary, RsCode secondary);
  std::size_t n_;
  std::size_t f_;
  RsCode primary_code_;
  RsCode secondary_code_;
};

}  // namespace sliversim::codec
