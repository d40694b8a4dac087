// Erasure decoding of a few wanted shards as linear combinations of the received ones. Every code
// of rs16.hpp is linear over GF(2^16) and acts on each element position on its own, so an erased
// shard w equals sum_j c[w][j] * received_j with coefficients that depend only on the erasure
// pattern. They are found by one small transform decode of unit codewords (one element each), then
// each wanted element costs one multiply-add per received shard instead of two N-point transforms
// (N = work_size). The bytes are those of rs_decode: both compute the same linear map. With the k
// originals as the received shards this is also an encoder of a few chosen recovery shards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/gf16_kernels.hpp"
#include "codec/rs16.hpp"
#include "codec/shard_layout.hpp"

namespace sliversim::codec {

// True when reconstructing `erased_wanted` erased shards of `code` as combinations of k shards is
// expected to cost less than the transform decoder, for received shards of `shard_bytes` bytes
// each (all the codewords the combination is applied to): the combinations cost erased_wanted * k
// multiply-adds per element and the coefficients one transform decode of 2k-byte shards, the
// transform decoder N * log2(N) per element (N = code.work_size()). shard_bytes = 0 leaves the
// coefficients out (when they are shared by many applications).
bool rs_direct_decode_pays(const RsCode& code, std::size_t erased_wanted,
                           std::size_t shard_bytes = 0);

// The coefficients that give some wanted erased shards of one erasure pattern from its received
// shards. Value type; reusable for any number of batches with that pattern.
class RsCombination {
 public:
  RsCombination() = default;

  // The combination giving each of `wanted` (erased positions, distinct) from the plan's received
  // positions, listed in the order `received` gives them. Returns kOk, kTooFewShards (`received`
  // does not list exactly the plan's positions), kDuplicateShardIndex, or kInvalidShardIndex (a
  // position >= k + r, a received one not in the plan, or a wanted one that is received).
  static RsStatus make(const RsErasurePlan& plan, std::span<const std::size_t> received,
                       std::span<const std::size_t> wanted, RsCombination* out,
                       const gf16::Kernels& kernels = gf16::default_kernels());

  std::size_t received_count() const { return received_count_; }
  std::size_t wanted_count() const { return wanted_count_; }

  // Writes every codeword's symbols of wanted shard w to wanted[w] from received[j], the base
  // pointer of the j-th received position (see Batch). `threads` workers (0 = hardware
  // concurrency) share the work; the bytes do not depend on the count. Returns kOk,
  // kInvalidSymbolSize, kWrongShardCount (pointer counts differ from make's) or kNullBuffer.
  // REQUIRES: wanted buffers do not overlap each other or the received ones.
  RsStatus apply(const Batch& batch, std::span<const std::uint8_t* const> received,
                 std::span<std::uint8_t* const> wanted, std::size_t threads = 1) const;

 private:
  const gf16::Kernels* kernels_ = nullptr;
  std::size_t received_count_ = 0;
  std::size_t wanted_count_ = 0;
  std::vector<gf16::Log> logs_;  // [w * received_count + j]; kModulus for a zero coefficient
};

// Decodes a batch like rs_decode (same arguments, statuses and output bytes; a received position
// in `wanted` is copied; a position wanted twice is written to both buffers), computing each
// erased wanted shard with an RsCombination. Returns kOk or an error status without writing.
// REQUIRES: wanted buffers do not overlap each other or the received ones.
RsStatus rs_decode_direct(const RsErasurePlan& plan, const Batch& batch,
                          std::span<const ShardIn> received, std::span<const ShardOut> wanted,
                          std::size_t threads = 1,
                          const gf16::Kernels& kernels = gf16::default_kernels());

}  // namespace sliversim::codec
