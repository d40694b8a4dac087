// BLAKE2b with a 32-byte output (BLAKE2b-256), the hash of every Walrus digest: Merkle leaves and
// inner nodes, sliver hashes, the metadata root and the blob ID (REDSTUFF.md §3). Backed by
// libsodium's crypto_generichash; initialises libsodium on first use (thread-safe).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace sliversim::codec {

inline constexpr std::size_t kDigestBytes = 32;

// A BLAKE2b-256 digest (also a Merkle node value).
using Digest = std::array<std::uint8_t, kDigestBytes>;

// BLAKE2b-256 of `data`.
Digest blake2b256(std::span<const std::uint8_t> data);

// BLAKE2b-256 of the one-byte `prefix` followed by `data`, without copying data.
Digest blake2b256_prefixed(std::uint8_t prefix, std::span<const std::uint8_t> data);

// Hashes `count` equally long messages: out[i] = BLAKE2b-256(prefix || data[i*stride, +message
// _bytes)). This is the shape of both Merkle leaves (a symbol) and a level of inner nodes (two
// adjacent digests), and the one loop the metadata spends its time in.
// REQUIRES: out has room for count digests; out does not overlap the messages.
void blake2b256_prefixed_batch(std::uint8_t prefix, const std::uint8_t* data,
                               std::size_t message_bytes, std::size_t stride, std::size_t count,
                               Digest* out);

}  // namespace sliversim::codec
