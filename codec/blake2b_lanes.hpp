// The lane-parallel BLAKE2b-256 core behind blake2b_simd.hpp. RFC 7693's algorithm: a 16-word
// message block per compression, 12 rounds of the G function over a 16-word working vector, the
// parameter block folded into h[0] (digest length 32, fan-out and depth 1). Each vector holds the
// same word of `Vec::kLanes` independent messages; all messages have the same length, so the
// lanes share counters and the final flag and run in lock step.
//
// Private to blake2b_avx2.cpp and blake2b_avx512.cpp: each defines SLIVERSIM_LANES_TARGET (the
// target attribute of its instruction set) and a vector traits type, then includes this file.
// Everything here has internal linkage, so every instruction set compiles its own copy and no
// function built for one set can stand in for another at link time. No standard-library
// templates are used here for the same reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "codec/blake2b.hpp"

namespace sliversim::codec::detail {
namespace {

constexpr std::size_t kBlockBytes = 128;
constexpr std::size_t kBlockWords = 16;

constexpr std::uint64_t kIv[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};

// Parameter block word 0 of an unkeyed hash: digest length | key length << 8 | fan-out << 16 |
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

template <class Vec>
SLIVERSIM_LANES_TARGET inline void mix(typename Vec::V& a, typename Vec::V& b, typename Vec::V& c,
                                       typename Vec::V& d, typename Vec::V x, typename Vec::V y) {
  a = Vec::add(Vec::add(a, b), x);
  d = Vec::ror32(Vec::xor_(d, a));
  c = Vec::add(c, d);
  b = Vec::ror24(Vec::xor_(b, c));
  a = Vec::add(Vec::add(a, b), y);
  d = Vec::ror16(Vec::xor_(d, a));
  c = Vec::add(c, d);
  b = Vec::ror63(Vec::xor_(b, c));
}

// One compression of every lane; m[w] holds word w of each lane's block.
template <class Vec>
SLIVERSIM_LANES_TARGET void compress(typename Vec::V h[8], const typename Vec::V* m,
                                     std::uint64_t counter, bool last) {
  using V = typename Vec::V;
  V v[16];
  for (std::size_t i = 0; i < 8; ++i) v[i] = h[i];
  for (std::size_t i = 0; i < 8; ++i) v[8 + i] = Vec::set1(kIv[i]);
  v[12] = Vec::xor_(v[12], Vec::set1(counter));
  if (last) v[14] = Vec::xor_(v[14], Vec::set1(~std::uint64_t{0}));
  for (const auto& s : kSigma) {
    mix<Vec>(v[0], v[4], v[8], v[12], m[s[0]], m[s[1]]);
    mix<Vec>(v[1], v[5], v[9], v[13], m[s[2]], m[s[3]]);
    mix<Vec>(v[2], v[6], v[10], v[14], m[s[4]], m[s[5]]);
    mix<Vec>(v[3], v[7], v[11], v[15], m[s[6]], m[s[7]]);
    mix<Vec>(v[0], v[5], v[10], v[15], m[s[8]], m[s[9]]);
    mix<Vec>(v[1], v[6], v[11], v[12], m[s[10]], m[s[11]]);
    mix<Vec>(v[2], v[7], v[8], v[13], m[s[12]], m[s[13]]);
    mix<Vec>(v[3], v[4], v[9], v[14], m[s[14]], m[s[15]]);
  }
  for (std::size_t i = 0; i < 8; ++i) h[i] = Vec::xor_(h[i], Vec::xor_(v[i], v[i + 8]));
}

// Word w of block b of the stream prefix || message, zero-padded (little-endian). Whole words
// inside the message are one unaligned load; only the first word (which holds the prefix), the
// word that straddles the end and words past the end take the slow paths.
inline std::uint64_t stream_word(std::uint8_t prefix, const std::uint8_t* message,
                                 std::size_t message_bytes, std::size_t b, std::size_t w) {
  const std::size_t start = b * kBlockBytes + 8 * w;  // stream position of the word's first byte
  const std::size_t total = message_bytes + 1;
  if (start >= total) return 0;
  std::uint64_t word = 0;
  if (start >= 1 && start + 8 <= total) {
    std::memcpy(&word, message + start - 1, 8);
    return word;
  }
  for (std::size_t k = 0; k < 8 && start + k < total; ++k) {
    const std::size_t pos = start + k;
    const std::uint64_t byte = pos == 0 ? prefix : message[pos - 1];
    word |= byte << (8 * k);
  }
  return word;
}

// Word w of block b of every lane. A word wholly inside the message (the stream's byte 0 is the
// prefix, so message byte start - 1 on) is one gather of an unaligned 8-byte load per lane; the
// first word, the one straddling the end and those past it take stream_word.
template <class Vec>
SLIVERSIM_LANES_TARGET inline typename Vec::V block_word(std::uint8_t prefix,
                                                         const std::uint8_t* const* messages,
                                                         typename Vec::V addresses,
                                                         std::size_t message_bytes, std::size_t b,
                                                         std::size_t w) {
  const std::size_t start = b * kBlockBytes + 8 * w;
  const std::size_t total = message_bytes + 1;
  if (start >= total) return Vec::set1(0);
  if (start >= 1 && start + 8 <= total) return Vec::gather(addresses, start - 1);
  alignas(64) std::uint64_t lanes[Vec::kLanes];
  for (std::size_t lane = 0; lane < Vec::kLanes; ++lane) {
    lanes[lane] = stream_word(prefix, messages[lane], message_bytes, b, w);
  }
  return Vec::load(lanes);
}

// Hashes Vec::kLanes messages; writes the digests of the first `used` lanes.
template <class Vec>
SLIVERSIM_LANES_TARGET void hash_lanes(std::uint8_t prefix, const std::uint8_t* const* messages,
                                       std::size_t message_bytes, std::size_t used, Digest* out) {
  constexpr std::size_t kLanes = Vec::kLanes;
  typename Vec::V h[8];
  for (std::size_t i = 0; i < 8; ++i) h[i] = Vec::set1(i == 0 ? kIv[0] ^ kParam0 : kIv[i]);
  const std::size_t total = message_bytes + 1;
  const std::size_t block_count = (total + kBlockBytes - 1) / kBlockBytes;
  const typename Vec::V addresses = Vec::addresses(messages);
  typename Vec::V m[kBlockWords];
  for (std::size_t b = 0; b < block_count; ++b) {
    for (std::size_t w = 0; w < kBlockWords; ++w) {
      m[w] = block_word<Vec>(prefix, messages, addresses, message_bytes, b, w);
    }
    const bool last = b + 1 == block_count;
    compress<Vec>(h, m, last ? total : (b + 1) * kBlockBytes, last);
  }
  alignas(64) std::uint64_t state[4 * kLanes];
  for (std::size_t i = 0; i < 4; ++i) Vec::store(state + i * kLanes, h[i]);
  for (std::size_t lane = 0; lane < used; ++lane) {
    for (std::size_t i = 0; i < 4; ++i) {
      std::memcpy(out[lane].data() + 8 * i, &state[i * kLanes + lane], 8);
    }
  }
}

// The batch contract of blake2b256_prefixed_batch.
template <class Vec>
SLIVERSIM_LANES_TARGET void hash_batch(std::uint8_t prefix, const std::uint8_t* data,
                                       std::size_t message_bytes, std::size_t stride,
                                       std::size_t count, Digest* out) {
  constexpr std::size_t kLanes = Vec::kLanes;
  for (std::size_t first = 0; first < count; first += kLanes) {
    const std::size_t used = count - first < kLanes ? count - first : kLanes;
    const std::uint8_t* messages[kLanes];
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      // Unused lanes re-hash the group's first message; their digests are dropped.
      messages[lane] = data + (first + (lane < used ? lane : 0)) * stride;
    }
    hash_lanes<Vec>(prefix, messages, message_bytes, used, out + first);
  }
}

// The batch contract with the messages given by address.
template <class Vec>
SLIVERSIM_LANES_TARGET void hash_gather(std::uint8_t prefix, const std::uint8_t* const* all,
                                        std::size_t message_bytes, std::size_t count, Digest* out) {
  constexpr std::size_t kLanes = Vec::kLanes;
  for (std::size_t first = 0; first < count; first += kLanes) {
    const std::size_t used = count - first < kLanes ? count - first : kLanes;
    const std::uint8_t* messages[kLanes];
    for (std::size_t lane = 0; lane < kLanes; ++lane) {
      messages[lane] = all[first + (lane < used ? lane : 0)];
    }
    hash_lanes<Vec>(prefix, messages, message_bytes, used, out + first);
  }
}

}  // namespace
}  // namespace sliversim::codec::detail
