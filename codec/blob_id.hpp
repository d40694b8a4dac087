// The Walrus blob ID (REDSTUFF.md §3): BLAKE2b-256(0x01 || u64 little-endian(L) || metadata root),
// where 0x01 is the RS2 encoding tag and L the unencoded length. Shown as unpadded base64url (43
// characters). Read as a 256-bit big-endian integer it also rotates sliver pairs onto shards.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "codec/blake2b.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

// BCS tag of the RS2 encoding type, the first byte hashed into a blob ID.
inline constexpr std::uint8_t kRs2EncodingTag = 0x01;

struct BlobId {
  Digest bytes{};

  // The 43-character unpadded base64url form, e.g. "RcU82Mwf-CFkv1LaI_2qcpANwpGUuG3TMwnVzZxD2kY".
  std::string to_base64url() const;
  // 64 lowercase hex digits.
  std::string to_hex() const;
  // Parses the base64url form; nullopt unless it is exactly 32 bytes of valid base64url.
  static std::optional<BlobId> from_base64url(std::string_view text);

  auto operator<=>(const BlobId&) const = default;
};

// The blob ID of a blob of `unencoded_bytes` bytes whose metadata has root `metadata_root`.
BlobId blob_id_from_root(std::uint64_t unencoded_bytes, const Digest& metadata_root);

// The blob ID read as a 256-bit big-endian integer, modulo n_shards. REQUIRES: n_shards > 0.
std::size_t shard_rotation(const BlobId& id, std::size_t n_shards);

// The shard storing pair p: (p + shard_rotation(id, n)) mod n. REQUIRES: p < n.
ShardIndex shard_for_pair(const BlobId& id, SliverPairIndex p, std::size_t n_shards);

// The pair stored on `shard` (the inverse of shard_for_pair). REQUIRES: shard < n.
SliverPairIndex pair_for_shard(const BlobId& id, ShardIndex shard, std::size_t n_shards);

}  // namespace sliversim::codec
