// Portable scalar GF(2^16) kernels and run-time kernel selection (see gf16_kernels.hpp).
#include "codec/gf16_kernels.hpp"

#include <cstdlib>
#include <cstring>

namespace sliversim::codec::gf16 {
namespace {

constexpr std::size_t kHalf = kBlockBytes / 2;

void scalar_add(std::uint8_t* x, const std::uint8_t* y, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) x[i] = static_cast<std::uint8_t>(x[i] ^ y[i]);
}

// dst ^= src * exp(log_m) (accumulate) or dst = src * exp(log_m), one block at a time.
template <bool kAccumulate>
void scalar_mul_blocks(std::uint8_t* dst, const std::uint8_t* src, Log log_m, std::size_t bytes) {
  const Tables& t = tables();
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    for (std::size_t j = 0; j < kHalf; ++j) {
      const auto e = static_cast<Element>(src[b + j] | (src[b + kHalf + j] << 8));
      const Element p = e == 0 ? Element{0} : t.exp[add_mod(t.log[e], log_m)];
      const auto lo = static_cast<std::uint8_t>(p & 0xFF);
      const auto hi = static_cast<std::uint8_t>(p >> 8);
      if constexpr (kAccumulate) {
        dst[b + j] = static_cast<std::uint8_t>(dst[b + j] ^ lo);
        dst[b + kHalf + j] = static_cast<std::uint8_t>(dst[b + kHalf + j] ^ hi);
      } else {
        dst[b + j] = lo;
        dst[b + kHalf + j] = hi;
      }
    }
  }
}

void scalar_mul_add(std::uint8_t* x, const std::uint8_t* y, Log log_m, std::size_t bytes) {
  scalar_mul_blocks<true>(x, y, log_m, bytes);
}

void scalar_mul(std::uint8_t* x, Log log_m, std::size_t bytes) {
  scalar_mul_blocks<false>(x, x, log_m, bytes);
}

void scalar_fft_butterfly(std::uint8_t* x, std::uint8_t* y, Log log_m, std::size_t bytes) {
  scalar_mul_add(x, y, log_m, bytes);
  scalar_add(y, x, bytes);
}

void scalar_ifft_butterfly(std::uint8_t* x, std::uint8_t* y, Log log_m, std::size_t bytes) {
  scalar_add(y, x, bytes);
  scalar_mul_add(x, y, log_m, bytes);
}

const Kernels kScalar{Isa::kScalar, scalar_add,           scalar_mul_add,
                      scalar_mul,   scalar_fft_butterfly, scalar_ifft_butterfly};

}  // namespace

const Kernels& scalar_kernels() { return kScalar; }

bool isa_supported(Isa isa) {
  switch (isa) {
    case Isa::kScalar:
      return true;
    case Isa::kAvx2:
      return avx2_kernels() != nullptr && __builtin_cpu_supports("avx2");
    case Isa::kAvx512Gfni:
      return gfni_kernels() != nullptr && __builtin_cpu_supports("avx512f") &&
             __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("gfni");
  }
  return false;
}

const Kernels& kernels_for(Isa isa) {
  if (isa == Isa::kAvx512Gfni && isa_supported(isa)) return *gfni_kernels();
  if (isa == Isa::kAvx2 && isa_supported(isa)) return *avx2_kernels();
  return kScalar;
}

const Kernels& default_kernels() {
  static const Kernels& chosen = []() -> const Kernels& {
    const char* forced = std::getenv("SLIVERSIM_ISA");
    if (forced != nullptr && std::strcmp(forced, "scalar") == 0) return kScalar;
    if (forced != nullptr && std::strcmp(forced, "avx2") == 0) return kernels_for(Isa::kAvx2);
    if (isa_supported(Isa::kAvx512Gfni)) return kernels_for(Isa::kAvx512Gfni);
    return kernels_for(Isa::kAvx2);
  }();
  return chosen;
}

std::string_view isa_name(Isa isa) {
  switch (isa) {
    case Isa::kScalar:
      return "scalar";
    case Isa::kAvx2:
      return "avx2";
    case Isa::kAvx512Gfni:
      return "avx512-gfni";
  }
  return "scalar";
}

}  // namespace sliversim::codec::gf16
