// The RedStuff encoder (REDSTUFF.md §2): the blob, zero-padded to k_p*k_s symbols, fills a
// k_p x k_s message matrix row-major; the row code RS(k_s -> n) extends each row to n symbols and
// the column code RS(k_p -> n) extends each of the n columns to n symbols, giving the expanded
// n x n matrix E. Primary sliver i = row i of E restricted to columns < k_s; secondary sliver j =
// column j of E restricted to rows < k_p. Each axis is one batched rs_encode call per worker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/large_buffer.hpp"
#include "codec/redstuff_params.hpp"
#include "codec/redstuff_status.hpp"

namespace sliversim::codec {

// The expanded n x n symbol matrix E of one blob, stored row-major (symbol (r, c) at byte
// (r*n + c)*s). Row i is primary sliver i expanded; column j is secondary sliver j expanded.
// Move-only: it may hold gigabytes.
class ExpandedBlob {
 public:
  ExpandedBlob() = default;

  const RedStuffParams& params() const { return params_; }
  std::size_t n_shards() const { return params_.n_shards(); }
  std::size_t symbol_bytes() const { return symbol_bytes_; }
  std::uint64_t unencoded_bytes() const { return unencoded_bytes_; }

  // The whole matrix, n*n*s bytes.
  std::span<const std::uint8_t> matrix() const;
  // Symbol E[row][col] (s bytes). REQUIRES: row, col < n.
  const std::uint8_t* symbol(std::size_t row, std::size_t col) const;
  // Row i of E: n symbols, the expanded primary sliver i. REQUIRES: i < n.
  std::span<const std::uint8_t> row(std::size_t i) const;
  // Primary sliver i: the first k_s symbols of row i. REQUIRES: i < n.
  std::span<const std::uint8_t> primary_sliver(SliverIndex i) const;
  // Column j of E copied out: n symbols, the expanded secondary sliver j. REQUIRES: j < n.
  std::vector<std::uint8_t> column(std::size_t j) const;
  // Secondary sliver j copied out: the first k_p symbols of column j. REQUIRES: j < n.
  std::vector<std::uint8_t> secondary_sliver(SliverIndex j) const;
  // Sliver i of `axis` copied out (k_s or k_p symbols). REQUIRES: i < n.
  std::vector<std::uint8_t> sliver(SliverAxis axis, SliverIndex i) const;

 private:
  friend RedStuffStatus encode_expanded(const RedStuffParams&, std::span<const std::uint8_t>,
                                        std::size_t, ExpandedBlob*);
  std::uint8_t* mutable_row(std::size_t i) { return matrix_.data() + i * row_bytes(); }
  std::size_t row_bytes() const { return params_.n_shards() * symbol_bytes_; }

  RedStuffParams params_ = *RedStuffParams::make(RedStuffParams::kMinShards);
  std::size_t symbol_bytes_ = 0;
  std::uint64_t unencoded_bytes_ = 0;
  LargeBuffer matrix_;
};

// Encodes `blob` into its expanded matrix with `threads` workers (0 = hardware concurrency).
// Returns kOk, or kBlobTooLarge (nothing written). The bytes never depend on `threads`.
RedStuffStatus encode_expanded(const RedStuffParams& params, std::span<const std::uint8_t> blob,
                               std::size_t threads, ExpandedBlob* out);

// The two slivers a shard stores for one blob: primary sliver p and secondary sliver n-1-p.
struct SliverPair {
  SliverPairIndex index{};
  std::vector<std::uint8_t> primary;    // k_s symbols
  std::vector<std::uint8_t> secondary;  // k_p symbols
};

// Sliver pair p copied out of the expanded matrix. REQUIRES: p < n.
SliverPair sliver_pair(const ExpandedBlob& expanded, SliverPairIndex p);

// All n sliver pairs, in pair order.
std::vector<SliverPair> sliver_pairs(const ExpandedBlob& expanded);

}  // namespace sliversim::codec
