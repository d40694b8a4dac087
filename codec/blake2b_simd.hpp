// Multi-lane SIMD BLAKE2b-256 (RFC 7693) for batches of equally long messages: several messages
// are compressed at once, one 64-bit state word of each per vector lane (AVX2: 4 lanes, AVX-512:
// 8). Byte-identical to libsodium; reached through blake2b256_prefixed_batch (blake2b.hpp), which
// checks the CPU first.
#pragma once

#include <cstddef>
#include <cstdint>

#include "codec/blake2b.hpp"

namespace sliversim::codec::detail {

// Same contract as blake2b256_prefixed_batch. REQUIRES: the CPU supports AVX2.
void blake2b256_prefixed_batch_avx2(std::uint8_t prefix, const std::uint8_t* data,
                                    std::size_t message_bytes, std::size_t stride,
                                    std::size_t count, Digest* out);

// Same contract as blake2b256_prefixed_batch. REQUIRES: the CPU supports AVX-512F.
void blake2b256_prefixed_batch_avx512(std::uint8_t prefix, const std::uint8_t* data,
                                      std::size_t message_bytes, std::size_t stride,
                                      std::size_t count, Digest* out);

// The pointer-array forms of the two above (messages[0, count)).
void blake2b256_prefixed_gather_avx2(std::uint8_t prefix, const std::uint8_t* const* messages,
                                     std::size_t message_bytes, std::size_t count, Digest* out);
void blake2b256_prefixed_gather_avx512(std::uint8_t prefix, const std::uint8_t* const* messages,
                                       std::size_t message_bytes, std::size_t count, Digest* out);

}  // namespace sliversim::codec::detail
