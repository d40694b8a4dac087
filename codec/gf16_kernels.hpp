// Bulk GF(2^16) arithmetic on shard buffers in the codec's internal layout: a buffer is a whole
// number of 64-byte blocks, each holding 32 elements as 32 low bytes followed by 32 high bytes.
// Three implementations give identical bytes: portable scalar code, AVX2, and AVX-512 with GFNI
// (chosen at run time).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "codec/gf16.hpp"

namespace sliversim::codec::gf16 {

inline constexpr std::size_t kBlockBytes = 64;  // one block: 32 elements, low bytes then high bytes

enum class Isa { kScalar, kAvx2, kAvx512Gfni };

// The kernel set. Every `bytes` argument is a multiple of kBlockBytes; x and y never overlap.
// Callers handle the sentinel: no kernel is ever called with log_m == kModulus.
struct Kernels {
  Isa isa;
  // x ^= y
  void (*add)(std::uint8_t* x, const std::uint8_t* y, std::size_t bytes);
  // x ^= y * exp(log_m)
  void (*mul_add)(std::uint8_t* x, const std::uint8_t* y, Log log_m, std::size_t bytes);
  // x = x * exp(log_m)
  void (*mul)(std::uint8_t* x, Log log_m, std::size_t bytes);
  // FFT butterfly: x ^= y * exp(log_m); y ^= x
  void (*fft_butterfly)(std::uint8_t* x, std::uint8_t* y, Log log_m, std::size_t bytes);
  // IFFT butterfly: y ^= x; x ^= y * exp(log_m)
  void (*ifft_butterfly)(std::uint8_t* x, std::uint8_t* y, Log log_m, std::size_t bytes);
};

// True when this CPU can run the given kernels.
bool isa_supported(Isa isa);

// The kernels for isa. REQUIRES: isa_supported(isa).
const Kernels& kernels_for(Isa isa);

// The kernels the codec uses by default: AVX-512 with GFNI when the CPU has both, else AVX2 when
// it has that, else scalar; the environment variable SLIVERSIM_ISA=scalar (or =avx2) forces the
// portable (or the AVX2) path.
const Kernels& default_kernels();

std::string_view isa_name(Isa isa);

// Scalar kernels (always available); also what the AVX2 kernels use for nothing but tails.
const Kernels& scalar_kernels();
// AVX2 kernels, or nullptr when the build has none.
const Kernels* avx2_kernels();
// AVX-512 + GFNI kernels, or nullptr when the build has none.
const Kernels* gfni_kernels();

}  // namespace sliversim::codec::gf16
