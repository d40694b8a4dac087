// Four-lane BLAKE2b-256 on AVX2 (see blake2b_simd.hpp and blake2b_lanes.hpp). AVX2 has no 64-bit
// rotate: 32 is a dword shuffle, 24 and 16 byte shuffles, 63 a shift pair.
#include <immintrin.h>

#include <cstddef>
#include <cstdint>

#include "codec/blake2b_simd.hpp"

#define SLIVERSIM_LANES_TARGET __attribute__((target("avx2")))

namespace sliversim::codec::detail {
namespace {

struct Avx2 {
  using V = __m256i;
  static constexpr std::size_t kLanes = 4;

  SLIVERSIM_LANES_TARGET static V set1(std::uint64_t x) {
    return _mm256_set1_epi64x(static_cast<long long>(x));
  }
  SLIVERSIM_LANES_TARGET static V load(const std::uint64_t* p) {
    return _mm256_load_si256(reinterpret_cast<const __m256i*>(p));
  }
  SLIVERSIM_LANES_TARGET static void store(std::uint64_t* p, V v) {
    _mm256_store_si256(reinterpret_cast<__m256i*>(p), v);
  }
  // The lanes' message addresses, for gather.
  SLIVERSIM_LANES_TARGET static V addresses(const std::uint8_t* const* m) {
    const auto a = [m](int i) {
      return static_cast<long long>(reinterpret_cast<std::intptr_t>(m[i]));
    };
    return _mm256_set_epi64x(a(3), a(2), a(1), a(0));
  }
  // The 8 bytes at (each lane's address + offset), unaligned.
  SLIVERSIM_LANES_TARGET static V gather(V addresses, std::size_t offset) {
    const V at = _mm256_add_epi64(addresses, set1(offset));
    return _mm256_mask_i64gather_epi64(at, nullptr, at, _mm256_set1_epi64x(-1), 1);
  }
  SLIVERSIM_LANES_TARGET static V add(V a, V b) { return _mm256_add_epi64(a, b); }
  SLIVERSIM_LANES_TARGET static V xor_(V a, V b) { return _mm256_xor_si256(a, b); }
  SLIVERSIM_LANES_TARGET static V ror32(V x) { return _mm256_shuffle_epi32(x, 0xB1); }
  SLIVERSIM_LANES_TARGET static V ror24(V x) {
    const V m = _mm256_setr_epi8(3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10, 3, 4, 5, 6,
                                 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10);
    return _mm256_shuffle_epi8(x, m);
  }
  SLIVERSIM_LANES_TARGET static V ror16(V x) {
    const V m = _mm256_setr_epi8(2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9, 2, 3, 4, 5,
                                 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9);
    return _mm256_shuffle_epi8(x, m);
  }
  SLIVERSIM_LANES_TARGET static V ror63(V x) {
    return _mm256_or_si256(_mm256_add_epi64(x, x), _mm256_srli_epi64(x, 63));
  }
};

}  // namespace
}  // namespace sliversim::codec::detail

#include "codec/blake2b_lanes.hpp"

namespace sliversim::codec::detail {

void blake2b256_prefixed_batch_avx2(std::uint8_t prefix, const std::uint8_t* data,
                                    std::size_t message_bytes, std::size_t stride,
                                    std::size_t count, Digest* out) {
  hash_batch<Avx2>(prefix, data, message_bytes, stride, count, out);
}

void blake2b256_prefixed_gather_avx2(std::uint8_t prefix, const std::uint8_t* const* messages,
                                     std::size_t message_bytes, std::size_t count, Digest* out) {
  hash_gather<Avx2>(prefix, messages, message_bytes, count, out);
}

}  // namespace sliversim::codec::detail
