// Blob metadata and the one-call encoder (see blob_metadata.hpp).
#include "codec/blob_metadata.hpp"

#include <cstring>

#include "codec/merkle.hpp"

namespace sliversim::codec {

Digest BlobMetadata::merkle_root() const {
  std::vector<std::uint8_t> pairs(hashes.size() * 2 * kDigestBytes);
  for (std::size_t p = 0; p < hashes.size(); ++p) {
    std::memcpy(pairs.data() + 2 * p * kDigestBytes, hashes[p].primary.data(), kDigestBytes);
    std::memcpy(pairs.data() + (2 * p + 1) * kDigestBytes, hashes[p].secondary.data(),
                kDigestBytes);
  }
  return MerkleTree::from_leaves(pairs.data(), 2 * kDigestBytes, hashes.size()).root();
}

BlobId BlobMetadata::blob_id() const { return blob_id_from_root(unencoded_bytes, merkle_root()); }

const Digest& BlobMetadata::sliver_hash(SliverAxis axis, SliverIndex i) const {
  if (axis == SliverAxis::kPrimary) return hashes[to_size(i)].primary;
  return hashes[n_shards - 1 - to_size(i)].secondary;
}

RedStuffStatus BlobMetadata::check(const RedStuffParams& params) const {
  if (n_shards != params.n_shards() || hashes.size() != n_shards ||
      unencoded_bytes > params.max_blob_bytes()) {
    return RedStuffStatus::kMetadataMismatch;
  }
  return RedStuffStatus::kOk;
}

BlobMetadata compute_metadata(const ExpandedBlob& expanded, std::size_t threads) {
  BlobMetadata m;
  m.n_shards = expanded.n_shards();
  m.unencoded_bytes = expanded.unencoded_bytes();
  m.hashes = compute_sliver_hashes(expanded, threads);
  return m;
}

RedStuffStatus encode_blob(const RedStuffParams& params, std::span<const std::uint8_t> blob,
                           std::size_t threads, EncodedBlob* out) {
  EncodedBlob encoded;
  if (const RedStuffStatus st = encode_expanded(params, blob, threads, &encoded.expanded);
      st != RedStuffStatus::kOk) {
    return st;
  }
  encoded.metadata = compute_metadata(encoded.expanded, threads);
  encoded.blob_id = encoded.metadata.blob_id();
  *out = std::move(encoded);
  return RedStuffStatus::kOk;
}

}  // namespace sliversim::codec
