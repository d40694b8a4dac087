// Eight-lane BLAKE2b-256 on AVX-512F (see blake2b_simd.hpp and blake2b_lanes.hpp): native 64-bit
// rotates and 32 vector registers keep the whole working state in registers.
#include <immintrin.h>

#include <cstddef>
#include <cstdint>

#include "codec/blake2b_simd.hpp"

#define SLIVERSIM_LANES_TARGET __attribute__((target("avx512f")))

namespace sliversim::codec::detail {
namespace {

struct Avx512 {
  using V = __m512i;
  static constexpr std::size_t kLanes = 8;

  SLIVERSIM_LANES_TARGET static V set1(std::uint64_t x) {
    return _mm512_set1_epi64(static_cast<long long>(x));
  }
  SLIVERSIM_LANES_TARGET static V load(const std::uint64_t* p) { return _mm512_load_si512(p); }
  // The lanes' message addresses, for gather.
  SLIVERSIM_LANES_TARGET static V addresses(const std::uint8_t* const* m) {
    const auto a = [m](int i) {
      return static_cast<long long>(reinterpret_cast<std::intptr_t>(m[i]));
    };
    return _mm512_set_epi64(a(7), a(6), a(5), a(4), a(3), a(2), a(1), a(0));
  }
  // The 8 bytes at (each lane's address + offset), unaligned.
  SLIVERSIM_LANES_TARGET static V gather(V addresses, std::size_t offset) {
    const V at = _mm512_add_epi64(addresses, set1(offset));
    return _mm512_mask_i64gather_epi64(at, 0xFF, at, nullptr, 1);
  }
  SLIVERSIM_LANES_TARGET static void store(std::uint64_t* p, V v) { _mm512_store_si512(p, v); }
  // _mm512_ror_epi64 starts from an undefined vector that GCC 12 reports as uninitialized; the
  // all-lanes masked form with x as the pass-through is the same instruction without it.
  template <int kBits>
  SLIVERSIM_LANES_TARGET static V ror(V x) {
    return _mm512_mask_ror_epi64(x, 0xFF, x, kBits);
  }
  SLIVERSIM_LANES_TARGET static V add(V a, V b) { return _mm512_add_epi64(a, b); }
  SLIVERSIM_LANES_TARGET static V xor_(V a, V b) { return _mm512_xor_si512(a, b); }
  SLIVERSIM_LANES_TARGET static V ror32(V x) { return ror<32>(x); }
  SLIVERSIM_LANES_TARGET static V ror24(V x) { return ror<24>(x); }
  SLIVERSIM_LANES_TARGET static V ror16(V x) { return ror<16>(x); }
  SLIVERSIM_LANES_TARGET static V ror63(V x) { return ror<63>(x); }
};

}  // namespace
}  // namespace sliversim::codec::detail

#include "codec/blake2b_lanes.hpp"

namespace sliversim::codec::detail {

void blake2b256_prefixed_batch_avx512(std::uint8_t prefix, const std::uint8_t* data,
                                      std::size_t message_bytes, std::size_t stride,
                                      std::size_t count, Digest* out) {
  hash_batch<Avx512>(prefix, data, message_bytes, stride, count, out);
}

void blake2b256_prefixed_gather_avx512(std::uint8_t prefix, const std::uint8_t* const* messages,
                                       std::size_t message_bytes, std::size_t count, Digest* out) {
  hash_gather<Avx512>(prefix, messages, message_bytes, count, out);
}

}  // namespace sliversim::codec::detail
