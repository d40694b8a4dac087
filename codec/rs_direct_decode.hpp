// Erasure decoding of a few wanted shards as linear combinations of the received ones. Every code
// of rs16.hpp is linear over GF(2^16) and acts on each element position on its own, so an erased
// shard w equals sum_j c[w][j] * received_j with coefficients that depend only on the erasure
// pattern. They are found by one small transform decode of unit codewords (one element each), then
// each wanted element costs one multiply-add per received shard instead of two N-point transforms
// (N = work_size). The bytes are those of rs_decode: both compute the same linear map.
#pragma once

#include <cstddef>
#include <span>

#include "codec/gf16_kernels.hpp"
#include "codec/rs16.hpp"
#include "codec/shard_layout.hpp"

namespace sliversim::codec {

// True when reconstructing `erased_wanted` erased shards of `code` as combinations of k shards is
// expected to cost less than the transform decoder: erased_wanted * k < N * log2(N) multiply-adds
// per element position (N = code.work_size()).
bool rs_direct_decode_pays(const RsCode& code, std::size_t erased_wanted);

// Decodes a batch like rs_decode (same arguments, statuses and output bytes; a received position
// in `wanted` is copied), computing each erased wanted shard as a combination of the received ones.
// The work is split into contiguous parts over `threads` workers (0 = hardware concurrency); the
// bytes do not depend on the count. Returns kOk or an error status without writing anything.
// REQUIRES: wanted buffers do not overlap each other or the received ones.
RsStatus rs_decode_direct(const RsErasurePlan& plan, const Batch& batch,
                          std::span<const ShardIn> received, std::span<const ShardOut> wanted,
                          std::size_t threads = 1,
                          const gf16::Kernels& kernels = gf16::default_kernels());

}  // namespace sliversim::codec
