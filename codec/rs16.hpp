// Systematic Reed–Solomon erasure code over GF(2^16), byte-exact with the reed-solomon-simd 3.1.0
// crate that Walrus uses (the Lin–Chung–Han additive-FFT construction; REDSTUFF.md §5).
//
// A code has k original and r recovery shards. Shard positions: 0..k-1 are the originals,
// k..k+r-1 the recovery shards. A shard is a symbol of an even number of bytes; a Batch lets one
// call encode or decode many codewords that share a shape (and, for decoding, an erasure pattern).
// All functions are thread-safe; none allocates shared state after the first call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "codec/gf16.hpp"
#include "codec/gf16_kernels.hpp"
#include "codec/shard_layout.hpp"

namespace sliversim::codec {

enum class [[nodiscard]] RsStatus : std::uint8_t{
    kOk,
    kInvalidShape,         // k == 0, r == 0, or the rate rule's work size exceeds 65536 points
    kInvalidSymbolSize,    // symbol_bytes zero or odd, or codeword_count zero
    kWrongShardCount,      // encode: not exactly k originals or r recovery buffers
    kTooFewShards,         // decode: fewer than k distinct shards received
    kInvalidShardIndex,    // a shard index >= k + r
    kDuplicateShardIndex,  // the same shard index given twice
    kNullBuffer,           // a null data pointer
};

// A one-line English description of a status ("too few shards to decode", ...).
std::string_view describe(RsStatus status);

enum class RsRate : std::uint8_t { kHigh, kLow };

// The shape of a code and the derived FFT geometry. Value type; cheap to copy.
class RsCode {
 public:
  // Checks k, r against the rate rule. Returns kOk or kInvalidShape.
  static RsStatus check(std::size_t original_count, std::size_t recovery_count);
  // The code for (k, r), or nullopt when check() fails.
  static std::optional<RsCode> make(std::size_t original_count, std::size_t recovery_count);

  std::size_t original_count() const { return k_; }
  std::size_t recovery_count() const { return r_; }
  std::size_t total_count() const { return k_ + r_; }
  RsRate rate() const { return rate_; }
  // High rate: m = next_pow2(r); low rate: K = next_pow2(k).
  std::size_t chunk_size() const { return chunk_; }
  // N, the number of points the decoder transforms over (a power of two <= 65536).
  std::size_t work_size() const { return work_; }
  // The FFT point of shard index i (0..k+r-1).
  std::size_t point_of(std::size_t shard_index) const;

 private:
  RsCode(std::size_t k, std::size_t r);
  std::size_t k_;
  std::size_t r_;
  RsRate rate_;
  std::size_t chunk_;
  std::size_t work_;
};

// Encodes a batch: originals[i] points at original shard i's first symbol, recovery[j] at
// recovery shard j's first symbol (see Batch for the other codewords). Writes every recovery
// symbol. Returns kOk, or an error status without writing anything.
// REQUIRES: buffers do not overlap.
RsStatus rs_encode(const RsCode& code, const Batch& batch,
                   std::span<const std::uint8_t* const> originals,
                   std::span<std::uint8_t* const> recovery,
                   const gf16::Kernels& kernels = gf16::default_kernels());

struct ShardIn {
  std::size_t index;  // shard position, 0..k+r-1
  const std::uint8_t* data;
};
struct ShardOut {
  std::size_t index;  // shard position, 0..k+r-1 (original or recovery)
  std::uint8_t* data;
};

// The error-locator of one erasure pattern: computed once, reusable for every codeword (and every
// call) with the same set of received shard positions.
class RsErasurePlan {
 public:
  // Builds the plan for the received positions. Statuses: kOk, kTooFewShards,
  // kInvalidShardIndex, kDuplicateShardIndex. `direct_threshold`: erasure counts up to this use the
  // direct O(N * erasures) locator instead of two Walsh transforms (same result).
  static RsStatus make(const RsCode& code, std::span<const std::size_t> received_indices,
                       RsErasurePlan* out, std::size_t direct_threshold = kDefaultDirectThreshold);

  static constexpr std::size_t kDefaultDirectThreshold = 8;

  const RsCode& code() const { return code_; }
  bool received(std::size_t index) const { return received_[index] != 0; }
  // The locator's log at FFT point p (for tests).
  gf16::Log lambda(std::size_t point) const { return lambda_[point]; }

 private:
  friend RsStatus rs_decode(const RsErasurePlan&, const Batch&, std::span<const ShardIn>,
                            std::span<const ShardOut>, const gf16::Kernels&);
  RsCode code_ = *RsCode::make(1, 1);
  std::vector<std::uint8_t> received_;  // by shard index
  std::vector<std::uint8_t> erased_;    // by FFT point, over [0, work_size)
  std::vector<gf16::Log> lambda_;       // by FFT point
};

// Decodes a batch with a prepared plan. `received` must list exactly the plan's positions (any
// order); `wanted` lists positions to reconstruct (originals and/or recovery; a received position
// is copied). Returns kOk, or an error without writing.
RsStatus rs_decode(const RsErasurePlan& plan, const Batch& batch, std::span<const ShardIn> received,
                   std::span<const ShardOut> wanted,
                   const gf16::Kernels& kernels = gf16::default_kernels());

// One-shot decode: builds the plan from `received` and decodes.
RsStatus rs_decode(const RsCode& code, const Batch& batch, std::span<const ShardIn> received,
                   std::span<const ShardOut> wanted,
                   const gf16::Kernels& kernels = gf16::default_kernels());

// Interpolates a batch of codewords from their originals once, then evaluates any single shard
// position in O(chunk) multiply-adds: for a repair helper that needs one symbol, not all k + r.
class RsEvaluator {
 public:
  static RsStatus make(const RsCode& code, const Batch& batch,
                       std::span<const std::uint8_t* const> originals, RsEvaluator* out,
                       const gf16::Kernels& kernels = gf16::default_kernels());

  // Writes shard position `index`'s symbols for every codeword of the batch to out, using the
  // batch's codeword stride. Returns kOk or kInvalidShardIndex.
  RsStatus evaluate(std::size_t index, std::uint8_t* out) const;

 private:
  RsCode code_ = *RsCode::make(1, 1);
  Batch batch_;
  const gf16::Kernels* kernels_ = nullptr;
  std::vector<const std::uint8_t*> originals_;  // caller-owned; must outlive the evaluator
  AlignedBuffer coefficients_;                  // chunk_size internal shards
};

}  // namespace sliversim::codec
