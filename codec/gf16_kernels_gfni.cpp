// AVX-512 + GFNI GF(2^16) kernels: multiplication by a constant is a GF(2)-linear map of an
// element's 16 bits, so it splits into four 8x8 bit matrices (low -> low, high -> low, low -> high,
// high -> high) that vgf2p8affineqb applies to whole bytes. One 64-byte block (32 low bytes, then
// 32 high bytes) is one zmm register: one affine with [lo->lo | hi->hi] matrices, one with
// [lo->hi | hi->lo] whose halves are then swapped, and an XOR give the product of 32 elements.
// Bytes identical to the scalar kernels; selected at run time only on CPUs with AVX-512 F and BW
// and GFNI.
#include <immintrin.h>

#include <cstdint>
#include <memory>

#include "codec/gf16_kernels.hpp"

namespace sliversim::codec::gf16 {
namespace {

// The four 8x8 bit matrices of one multiplier, in vgf2p8affineqb's layout: byte 7 - i of a matrix
// holds the input bits that output bit i sums.
struct Matrices {
  std::uint64_t lo_lo = 0;
  std::uint64_t hi_lo = 0;
  std::uint64_t lo_hi = 0;
  std::uint64_t hi_hi = 0;
};

Matrices build_matrices(Log log_m) {
  Element column[16];  // the product of each basis bit
  for (unsigned k = 0; k < 16; ++k) column[k] = mul_log(static_cast<Element>(1U << k), log_m);
  Matrices m;
  for (unsigned i = 0; i < 8; ++i) {
    for (unsigned j = 0; j < 8; ++j) {
      const unsigned bit = 8 * (7 - i) + j;
      m.lo_lo |= std::uint64_t{(column[j] >> i) & 1U} << bit;
      m.hi_lo |= std::uint64_t{(column[8 + j] >> i) & 1U} << bit;
      m.lo_hi |= std::uint64_t{(column[j] >> (8 + i)) & 1U} << bit;
      m.hi_hi |= std::uint64_t{(column[8 + j] >> (8 + i)) & 1U} << bit;
    }
  }
  return m;
}

const Matrices& matrices(Log log_m) {
  static const std::unique_ptr<Matrices[]> all = [] {
    auto out = std::make_unique<Matrices[]>(kOrder);
    for (std::uint32_t l = 0; l < kOrder; ++l) out[l] = build_matrices(static_cast<Log>(l));
    return out;
  }();
  return all[log_m];
}

// The two matrix operands of one multiplier.
struct Operands {
  __m512i straight;  // lo->lo for the low half, hi->hi for the high half
  __m512i crossed;   // lo->hi for the low half, hi->lo for the high half (halves swapped after)
};

__attribute__((target("avx512f,avx512bw,gfni"))) inline Operands operands(Log log_m) {
  const Matrices& m = matrices(log_m);
  const auto q = [](std::uint64_t v) { return static_cast<long long>(v); };
  return {_mm512_set_epi64(q(m.hi_hi), q(m.hi_hi), q(m.hi_hi), q(m.hi_hi), q(m.lo_lo), q(m.lo_lo),
                           q(m.lo_lo), q(m.lo_lo)),
          _mm512_set_epi64(q(m.hi_lo), q(m.hi_lo), q(m.hi_lo), q(m.hi_lo), q(m.lo_hi), q(m.lo_hi),
                           q(m.lo_hi), q(m.lo_hi))};
}

// The product of one block's 32 elements.
__attribute__((target("avx512f,avx512bw,gfni"))) inline __m512i mul_block(const Operands& ops,
                                                                          __m512i v) {
  const __m512i straight = _mm512_gf2p8affine_epi64_epi8(v, ops.straight, 0);
  const __m512i crossed = _mm512_gf2p8affine_epi64_epi8(v, ops.crossed, 0);
  // The masked form with every lane selected (GCC's unmasked one warns of its undefined source).
  const __m512i swapped = _mm512_mask_shuffle_i64x2(crossed, 0xFF, crossed, crossed, 0x4E);
  return _mm512_xor_si512(straight, swapped);
}

__attribute__((target("avx512f"))) inline __m512i load(const std::uint8_t* p) {
  return _mm512_loadu_si512(p);
}

__attribute__((target("avx512f"))) inline void store(std::uint8_t* p, __m512i v) {
  _mm512_storeu_si512(p, v);
}

__attribute__((target("avx512f"))) void gfni_add(std::uint8_t* x, const std::uint8_t* y,
                                                 std::size_t bytes) {
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    store(x + b, _mm512_xor_si512(load(x + b), load(y + b)));
  }
}

__attribute__((target("avx512f,avx512bw,gfni"))) void gfni_mul_add(std::uint8_t* x,
                                                                   const std::uint8_t* y, Log log_m,
                                                                   std::size_t bytes) {
  const Operands ops = operands(log_m);
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    store(x + b, _mm512_xor_si512(load(x + b), mul_block(ops, load(y + b))));
  }
}

__attribute__((target("avx512f,avx512bw,gfni"))) void gfni_mul(std::uint8_t* x, Log log_m,
                                                               std::size_t bytes) {
  const Operands ops = operands(log_m);
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) store(x + b, mul_block(ops, load(x + b)));
}

__attribute__((target("avx512f,avx512bw,gfni"))) void gfni_fft_butterfly(std::uint8_t* x,
                                                                         std::uint8_t* y, Log log_m,
                                                                         std::size_t bytes) {
  const Operands ops = operands(log_m);
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    const __m512i yv = load(y + b);
    const __m512i xv = _mm512_xor_si512(load(x + b), mul_block(ops, yv));
    store(x + b, xv);
    store(y + b, _mm512_xor_si512(yv, xv));
  }
}

__attribute__((target("avx512f,avx512bw,gfni"))) void gfni_ifft_butterfly(std::uint8_t* x,
                                                                          std::uint8_t* y,
                                                                          Log log_m,
                                                                          std::size_t bytes) {
  const Operands ops = operands(log_m);
  for (std::size_t b = 0; b < bytes; b += kBlockBytes) {
    const __m512i xv = load(x + b);
    const __m512i yv = _mm512_xor_si512(load(y + b), xv);
    store(y + b, yv);
    store(x + b, _mm512_xor_si512(xv, mul_block(ops, yv)));
  }
}

const Kernels kGfni{Isa::kAvx512Gfni, gfni_add,           gfni_mul_add,
                    gfni_mul,         gfni_fft_butterfly, gfni_ifft_butterfly};

}  // namespace

const Kernels* gfni_kernels() { return &kGfni; }

}  // namespace sliversim::codec::gf16
