// Blob IDs and the pair -> shard rotation (see blob_id.hpp).
#include "codec/blob_id.hpp"

#include <algorithm>

#include "codec/byte_text.hpp"

namespace sliversim::codec {

std::string BlobId::to_base64url() const { return base64url_encode(bytes); }

std::string BlobId::to_hex() const { return hex_encode(bytes); }

std::optional<BlobId> BlobId::from_base64url(std::string_view text) {
  const auto decoded = base64url_decode(text);
  if (!decoded || decoded->size() != kDigestBytes) return std::nullopt;
  BlobId id;
  std::copy(decoded->begin(), decoded->end(), id.bytes.begin());
  return id;
}

BlobId blob_id_from_root(std::uint64_t unencoded_bytes, const Digest& metadata_root) {
  std::uint8_t message[1 + 8 + kDigestBytes];
  message[0] = kRs2EncodingTag;
  for (std::size_t i = 0; i < 8; ++i) {
    message[1 + i] = static_cast<std::uint8_t>(unencoded_bytes >> (8 * i));
  }
  std::copy(metadata_root.begin(), metadata_root.end(), message + 9);
  return BlobId{blake2b256(message)};
}

std::size_t shard_rotation(const BlobId& id, std::size_t n_shards) {
  std::uint64_t remainder = 0;
  for (const std::uint8_t b : id.bytes) remainder = (remainder * 256 + b) % n_shards;
  return static_cast<std::size_t>(remainder);
}

ShardIndex shard_for_pair(const BlobId& id, SliverPairIndex p, std::size_t n_shards) {
  return static_cast<ShardIndex>((to_size(p) + shard_rotation(id, n_shards)) % n_shards);
}

SliverPairIndex pair_for_shard(const BlobId& id, ShardIndex shard, std::size_t n_shards) {
  const std::size_t rotation = shard_rotation(id, n_shards);
  return static_cast<SliverPairIndex>((to_size(shard) + n_shards - rotation) % n_shards);
}

}  // namespace sliversim::codec
