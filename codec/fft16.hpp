// The additive FFT of Lin, Chung and Han over GF(2^16) in the novel polynomial basis, on a work
// array of shards in the internal block layout. fft() evaluates, ifft() interpolates; both act on
// shards [pos, pos + size) for points [delta, delta + size). See codec/README.md.
#pragma once

#include <cstddef>
#include <cstdint>

#include "codec/gf16_kernels.hpp"

namespace sliversim::codec::fft16 {

// A contiguous array of shards, each shard_bytes long (a multiple of gf16::kBlockBytes).
struct Work {
  std::uint8_t* data;
  std::size_t shard_bytes;
  std::uint8_t* shard(std::size_t i) const { return data + i * shard_bytes; }
};

// Values at points delta + i (i < size) -> novel-basis coefficients, in place.
// REQUIRES: size a power of two; delta a multiple of size; shards [pos + truncated, pos + size)
// are zero on entry (they are skipped and stay zero-consistent).
void ifft(const gf16::Kernels& k, const Work& w, std::size_t pos, std::size_t size,
          std::size_t truncated, std::size_t delta);

// Novel-basis coefficients -> values at points delta + i, in place; only outputs i < truncated
// are guaranteed. REQUIRES: size a power of two; delta a multiple of size.
void fft(const gf16::Kernels& k, const Work& w, std::size_t pos, std::size_t size,
         std::size_t truncated, std::size_t delta);

// Formal derivative in the novel basis over shards [0, size), in place. REQUIRES: size a power
// of 2.
void formal_derivative(const gf16::Kernels& k, const Work& w, std::size_t size);

}  // namespace sliversim::codec::fft16
