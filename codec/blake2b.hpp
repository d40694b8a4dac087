// BLAKE2b with a 32-byte output (BLAKE2b-256), the hash of every Walrus digest: Merkle leaves and
// inner nodes, sliver hashes, the metadata root and the blob ID (REDSTUFF.md §3). Backed by
// libsodium's crypto_generichash (initialised on first use, thread-safe); batches of equally long
// messages can also run on lane-parallel AVX2 / AVX-512 implementations that give the same bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace sliversim::codec {

inline constexpr std::size_t kDigestBytes = 32;

// A BLAKE2b-256 digest (also a Merkle node value).
using Digest = std::array<std::uint8_t, kDigestBytes>;

// BLAKE2b-256 of `data`.
Digest blake2b256(std::span<const std::uint8_t> data);

// BLAKE2b-256 of the one-byte `prefix` followed by `data`, without copying data.
Digest blake2b256_prefixed(std::uint8_t prefix, std::span<const std::uint8_t> data);

// Implementations of the batch hash below; all give identical digests.
enum class HashImpl : std::uint8_t { kLibsodium, kAvx2, kAvx512 };

// True when this CPU (and build) can run `impl`.
bool hash_impl_supported(HashImpl impl);
// The fastest supported (AVX-512, then AVX2), or libsodium when neither is or when the environment
// variable SLIVERSIM_ISA=scalar.
HashImpl default_hash_impl();
std::string_view hash_impl_name(HashImpl impl);

// Hashes `count` equally long messages: out[i] = BLAKE2b-256(prefix || data[i*stride, +message
// _bytes)), with default_hash_impl(). This is the shape of both Merkle leaves (a symbol) and a
// level of inner nodes (two adjacent digests), and the one loop the metadata spends its time in.
// REQUIRES: out has room for count digests; out does not overlap the messages;
// message_bytes < 2^32.
void blake2b256_prefixed_batch(std::uint8_t prefix, const std::uint8_t* data,
                               std::size_t message_bytes, std::size_t stride, std::size_t count,
                               Digest* out);

// The same with a chosen implementation. REQUIRES: hash_impl_supported(impl).
void blake2b256_prefixed_batch(HashImpl impl, std::uint8_t prefix, const std::uint8_t* data,
                               std::size_t message_bytes, std::size_t stride, std::size_t count,
                               Digest* out);

// The same for messages anywhere in memory: out[i] = BLAKE2b-256(prefix || messages[i][0,
// message_bytes)), with default_hash_impl(). REQUIRES: out has room for messages.size() digests
// and overlaps no message; message_bytes < 2^32.
void blake2b256_prefixed_batch(std::uint8_t prefix, std::span<const std::uint8_t* const> messages,
                               std::size_t message_bytes, Digest* out);

// The same with a chosen implementation. REQUIRES: hash_impl_supported(impl).
void blake2b256_prefixed_batch(HashImpl impl, std::uint8_t prefix,
                               std::span<const std::uint8_t* const> messages,
                               std::size_t message_bytes, Digest* out);

}  // namespace sliversim::codec
