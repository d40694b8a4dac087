// AVX2 GF(2^16) kernels: multiplication by a constant as eight 4-bit table look-ups (vpshufb) per
// 32 elements, on the internal block layout of gf16_kernels.hpp. Bytes identical to the scalar
// kernels; selected at run time only on CPUs with AVX2.
#include <immintrin.h>

#include <memory>

#include "codec/gf16_kernels.hpp"

namespace sliversim::codec::gf16 {
namespace {

// Product tables for one multiplier: lo[p][v] / hi[p][v] = low / high byte of (v << 4p) * m.
struct alignas(64) MulTable {
  std::uint8_t lo[4][16];
  std::uint8_t hi[4][16];
};

std::unique_ptr<MulTable[]> build_mul_tables() {
  auto tables_out = std::make_unique<MulTable[]>(kOrder);
  for (std::uint32_t log_m = 0; log_m < kOrder; ++log_m) {
    MulTable& mt = tables_out[log_m];
    for (unsigned p = 0; p < 4; ++p) {
      Element bit_products[4];
      for (unsigned b = 0; b < 4; ++b) {
        bit_products[b] = mul_log(static_cast<Element>(1U << (4 * p + b)), static_cast<Log>(log_m));
      }
      for (unsigned v = 0; v < 16; ++v) {
        Element prod = 0;
        for (unsigned b = 0; b < 4; ++b) {
          if ((v >> b) & 1U) prod ^= bit_products[b];
        }
        mt.lo[p][v] = static_cast<std::uint8_t>(prod & 0xFF);
        mt.hi[p][v] = static_cast<std::uint8_t>(prod >> 8);
      }
    }
  }
  return tables_out;
}

const MulTable& mul_table(Log log_m) {
  static const std::unique_ptr<MulTable[]> all = build_mul_tables();
  return all[log_m];
}

struct Lut {
  __m256i lo[4];
  __m256i hi[4];
};

__attribute__((target("avx2"))) inline Lut load_lut(Log log_m) {
  const MulTable& mt = mul_table(log_m);
  Lut lut;
  for (unsigned p = 0; p < 4; ++p) {
    lut.lo[p] =
        _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(mt.lo[p])));
    lut.hi[p] =
        _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(mt.hi[p])));
  }
  return lut;
}

// (out_lo, out_hi) = (in_lo, in_hi) * m, for 32 elements.
__attribute__((target("avx2"))) inline void mul32(const Lut& lut, __m256i in_lo, __m256i in_hi,
                                                  __m256i& out_lo, __m256i& out_hi) {
  const __m256i mask = _mm256_set1_epi8(0x0F);
  const __m256i n0 = _mm256_and_si256(in_lo, mask);
  const __m256i n1 = _mm256_and_si256(_mm256_srli_epi64(in_lo, 4), mask);
  const __m256i n2 = _mm256_and_si256(in_hi, mask);
  const __m256i n3 = _mm256_and_si256(_mm256_srli_epi64(in_hi, 4), mask);
  out_lo = _mm256_xor_si256(
      _mm256_xor_si256(_mm256_shuffle_epi8(lut.lo[0], n0), _mm256_shuffle_epi8(lut.lo[1], n1)),
      _mm256_xor_si256(_mm256_shuffle_epi8(lut.lo[2], n2), _mm256_shuffle_epi8(lut.lo[3], n3)));
  out_hi = _mm256_xor_si256(
      _mm256_xor_si256(_mm256_shuffle_epi8(lut.hi[0], n0), _mm256_shuffle_epi8(lut.hi[1], n1)),
      _mm256_xor_si256(_mm256_shuffle_epi8(lut.hi[2], n2), _mm256_shuffle_epi8(lut.hi[3], n3)));
}

__attribute__((target("avx2"))) inline __m256i load(const std::uint8_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

__attribute__((target("avx2"))) inline void store(std::uint8_t* p, __m256i v) {
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), v);
}

__attribute__((target("avx2"))) void avx2_add(std::uint8_t* x, const std::uint8_t* y,
                                              std::size_t bytes) {
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    store(x + b, _mm256_xor_si256(load(x + b), load(y + b)));
    store(x + b + 32, _mm256_xor_si256(load(x + b + 32), load(y + b + 32)));
  }
}

__attribute__((target("avx2"))) void avx2_mul_add(std::uint8_t* x, const std::uint8_t* y, Log log_m,
                                                  std::size_t bytes) {
  const Lut lut = load_lut(log_m);
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    __m256i plo, phi;
    mul32(lut, load(y + b), load(y + b + 32), plo, phi);
    store(x + b, _mm256_xor_si256(load(x + b), plo));
    store(x + b + 32, _mm256_xor_si256(load(x + b + 32), phi));
  }
}

__attribute__((target("avx2"))) void avx2_mul(std::uint8_t* x, Log log_m, std::size_t bytes) {
  const Lut lut = load_lut(log_m);
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    __m256i plo, phi;
    mul32(lut, load(x + b), load(x + b + 32), plo, phi);
    store(x + b, plo);
    store(x + b + 32, phi);
  }
}

__attribute__((target("avx2"))) void avx2_fft_butterfly(std::uint8_t* x, std::uint8_t* y, Log log_m,
                                                        std::size_t bytes) {
  const Lut lut = load_lut(log_m);
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    const __m256i ylo = load(y + b);
    const __m256i yhi = load(y + b + 32);
    __m256i plo, phi;
    mul32(lut, ylo, yhi, plo, phi);
    const __m256i xlo = _mm256_xor_si256(load(x + b), plo);
    const __m256i xhi = _mm256_xor_si256(load(x + b + 32), phi);
    store(x + b, xlo);
    store(x + b + 32, xhi);
    store(y + b, _mm256_xor_si256(ylo, xlo));
    store(y + b + 32, _mm256_xor_si256(yhi, xhi));
  }
}

__attribute__((target("avx2"))) void avx2_ifft_butterfly(std::uint8_t* x, std::uint8_t* y,
                                                         Log log_m, std::size_t bytes) {
  const Lut lut = load_lut(log_m);
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    const __m256i xlo = load(x + b);
    const __m256i xhi = load(x + b + 32);
    const __m256i ylo = _mm256_xor_si256(load(y + b), xlo);
    const __m256i yhi = _mm256_xor_si256(load(y + b + 32), xhi);
    store(y + b, ylo);
    store(y + b + 32, yhi);
    __m256i plo, phi;
    mul32(lut, ylo, yhi, plo, phi);
    store(x + b, _mm256_xor_si256(xlo, plo));
    store(x + b + 32, _mm256_xor_si256(xhi, phi));
  }
}

const Kernels kAvx2{Isa::kAvx2, avx2_add,           avx2_mul_add,
                    avx2_mul,   avx2_fft_butterfly, avx2_ifft_butterfly};

}  // namespace

const Kernels* avx2_kernels() { return &kAvx2; }

}  // namespace sliversim::codec::gf16
