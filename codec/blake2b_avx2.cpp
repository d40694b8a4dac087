// Four-lane AVX2 BLAKE2b-256 (see blake2b_avx2.hpp). The algorithm is RFC 7693's: a 16-word
// message block per compression, 12 rounds of the G mixing function over a 16-word working
// vector, the parameter block folded into h[0] (digest length 32, fan-out and depth 1). Here every
// vector holds the same word of four independent messages, so the four lanes run in lock step
// (all messages have the same length, hence the same counters and final flag).
#include "codec/blake2b_avx2.hpp"

#include <immintrin.h>

#include <algorithm>
#include <cstring>

#define SLIVERSIM_AVX2 __attribute__((target("avx2")))

namespace sliversim::codec::detail {
namespace {

constexpr std::size_t kLanes = 4;
constexpr std::size_t kBlockBytes = 128;
constexpr std::size_t kBlockWords = 16;

constexpr std::uint64_t kIv[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

// Parameter block word 0 for an unkeyed hash: digest length | key length << 8 | fan-out << 16 |
// depth << 24.
constexpr std::uint64_t kParam0 = 0x01010000ULL | kDigestBytes;

constexpr std::uint8_t kSigma[12][16] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                                         {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
                                         {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
                                         {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
                                         {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
                                         {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
                                         {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
                                         {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
                                         {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
                                         {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
                                         {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                                         {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3}};

SLIVERSIM_AVX2 inline __m256i add(__m256i a, __m256i b) { return _mm256_add_epi64(a, b); }
SLIVERSIM_AVX2 inline __m256i xor_(__m256i a, __m256i b) { return _mm256_xor_si256(a, b); }
SLIVERSIM_AVX2 inline __m256i ror32(__m256i x) { return _mm256_shuffle_epi32(x, 0xB1); }
SLIVERSIM_AVX2 inline __m256i ror24(__m256i x) {
  const __m256i m = _mm256_setr_epi8(3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10, 3, 4, 5,
                                     6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10);
  return _mm256_shuffle_epi8(x, m);
}
SLIVERSIM_AVX2 inline __m256i ror16(__m256i x) {
  const __m256i m = _mm256_setr_epi8(2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9, 2, 3, 4,
                                     5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9);
  return _mm256_shuffle_epi8(x, m);
}
SLIVERSIM_AVX2 inline __m256i ror63(__m256i x) {
  return _mm256_or_si256(_mm256_add_epi64(x, x), _mm256_srli_epi64(x, 63));
}

SLIVERSIM_AVX2 inline void g(__m256i& a, __m256i& b, __m256i& c, __m256i& d, __m256i x, __m256i y) {
  a = add(add(a, b), x);
  d = ror32(xor_(d, a));
  c = add(c, d);
  b = ror24(xor_(b, c));
  a = add(add(a, b), y);
  d = ror16(xor_(d, a));
  c = add(c, d);
  b = ror63(xor_(b, c));
}

// Transposes a 4x4 matrix of 64-bit words held as four rows.
SLIVERSIM_AVX2 inline void transpose4(__m256i r[4]) {
  const __m256i t0 = _mm256_unpacklo_epi64(r[0], r[1]);
  const __m256i t1 = _mm256_unpackhi_epi64(r[0], r[1]);
  const __m256i t2 = _mm256_unpacklo_epi64(r[2], r[3]);
  const __m256i t3 = _mm256_unpackhi_epi64(r[2], r[3]);
  r[0] = _mm256_permute2x128_si256(t0, t2, 0x20);
  r[1] = _mm256_permute2x128_si256(t1, t3, 0x20);
  r[2] = _mm256_permute2x128_si256(t0, t2, 0x31);
  r[3] = _mm256_permute2x128_si256(t1, t3, 0x31);
}

// One compression of four lanes. `blocks` holds each lane's 128-byte block.
SLIVERSIM_AVX2 void compress(__m256i h[8], const std::uint8_t (*blocks)[kBlockBytes],
                             std::uint64_t counter, bool last) {
  __m256i m[kBlockWords];
  for (std::size_t w = 0; w < kBlockWords; w += 4) {
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      m[w + lane] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(blocks[lane] + 8 * w));
    }
    transpose4(m + w);
  }
  __m256i v[16];
  for (std::size_t i = 0; i < 8; ++i) v[i] = h[i];
  for (std::size_t i = 0; i < 8; ++i) v[8 + i] = _mm256_set1_epi64x(static_cast<long long>(kIv[i]));
  v[12] = xor_(v[12], _mm256_set1_epi64x(static_cast<long long>(counter)));
  if (last) v[14] = xor_(v[14], _mm256_set1_epi64x(-1));
  for (const auto& s : kSigma) {
    g(v[0], v[4], v[8], v[12], m[s[0]], m[s[1]]);
    g(v[1], v[5], v[9], v[13], m[s[2]], m[s[3]]);
    g(v[2], v[6], v[10], v[14], m[s[4]], m[s[5]]);
    g(v[3], v[7], v[11], v[15], m[s[6]], m[s[7]]);
    g(v[0], v[5], v[10], v[15], m[s[8]], m[s[9]]);
    g(v[1], v[6], v[11], v[12], m[s[10]], m[s[11]]);
    g(v[2], v[7], v[8], v[13], m[s[12]], m[s[13]]);
    g(v[3], v[4], v[9], v[14], m[s[14]], m[s[15]]);
  }
  for (std::size_t i = 0; i < 8; ++i) h[i] = xor_(h[i], xor_(v[i], v[i + 8]));
}

// Block `b` of the stream prefix || message, zero-padded to 128 bytes.
void fill_block(std::uint8_t prefix, const std::uint8_t* message, std::size_t message_bytes,
                std::size_t b, std::uint8_t* block) {
  std::memset(block, 0, kBlockBytes);
  std::size_t stream_pos = b * kBlockBytes;  // position in prefix || message
  std::size_t out = 0;
  if (stream_pos == 0) {
    block[out++] = prefix;
    stream_pos = 1;
  }
  const std::size_t from = stream_pos - 1;  // position in message
  if (from < message_bytes) {
    const std::size_t take = std::min(kBlockBytes - out, message_bytes - from);
    std::memcpy(block + out, message + from, take);
  }
}

// Hashes four messages (lanes) of equal length into out[0..lanes).
SLIVERSIM_AVX2 void hash_group(std::uint8_t prefix, const std::uint8_t* const messages[kLanes],
                               std::size_t message_bytes, std::size_t lanes, Digest* out) {
  __m256i h[8];
  for (std::size_t i = 0; i < 8; ++i) {
    const std::uint64_t word = i == 0 ? kIv[0] ^ kParam0 : kIv[i];
    h[i] = _mm256_set1_epi64x(static_cast<long long>(word));
  }
  const std::size_t total = message_bytes + 1;
  const std::size_t block_count = (total + kBlockBytes - 1) / kBlockBytes;
  alignas(32) std::uint8_t blocks[kLanes][kBlockBytes];
  for (std::size_t b = 0; b < block_count; ++b) {
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      fill_block(prefix, messages[lane], message_bytes, b, blocks[lane]);
    }
    const bool last = b + 1 == block_count;
    compress(h, blocks, last ? total : (b + 1) * kBlockBytes, last);
  }
  transpose4(h);  // h[lane] now holds that lane's first four words: its 32-byte digest
  for (std::size_t lane = 0; lane < lanes; ++lane) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out[lane].data()), h[lane]);
  }
}

}  // namespace

void blake2b256_prefixed_batch_avx2(std::uint8_t prefix, const std::uint8_t* data,
                                    std::size_t message_bytes, std::size_t stride,
                                    std::size_t count, Digest* out) {
  for (std::size_t first = 0; first < count; first += kLanes) {
    const std::size_t lanes = std::min(kLanes, count - first);
    const std::uint8_t* messages[kLanes];
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      // Unused lanes re-hash the group's first message; their digests are dropped.
      messages[lane] = data + (first + (lane < lanes ? lane : 0)) * stride;
    }
    hash_group(prefix, messages, message_bytes, lanes, out + first);
  }
}

}  // namespace sliversim::codec::detail
