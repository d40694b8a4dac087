// Blob metadata (REDSTUFF.md §3): the unencoded length and, for every sliver pair, the hashes of
// its primary and secondary sliver. Its Merkle root (leaves H(0x00 || primary || secondary) in
// pair order) and the length give the blob ID. Every storage node keeps a copy: 64n + 32 bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/blob_id.hpp"
#include "codec/redstuff_encoder.hpp"
#include "codec/sliver_hashing.hpp"

namespace sliversim::codec {

struct BlobMetadata {
  std::size_t n_shards = 0;
  std::uint64_t unencoded_bytes = 0;
  std::vector<SliverPairHashes> hashes;  // by sliver pair index; n_shards entries

  // The metadata root: Merkle root over H(0x00 || primary || secondary) of each pair.
  Digest merkle_root() const;
  // BLAKE2b-256(0x01 || u64le(unencoded_bytes) || merkle_root()).
  BlobId blob_id() const;
  // The hash of sliver i of `axis` (primary i is pair i's; secondary i is pair n-1-i's).
  // REQUIRES: i < n_shards == hashes.size().
  const Digest& sliver_hash(SliverAxis axis, SliverIndex i) const;
  // kOk when this metadata fits `params` (same n, n hashes, length within the maximum), else
  // kMetadataMismatch.
  RedStuffStatus check(const RedStuffParams& params) const;

  bool operator==(const BlobMetadata&) const = default;
};

// The metadata of an expanded blob, hashing with `threads` workers (0 = hardware concurrency).
BlobMetadata compute_metadata(const ExpandedBlob& expanded, std::size_t threads);

// A blob encoded for storage: the expanded matrix, its metadata and its ID.
struct EncodedBlob {
  ExpandedBlob expanded;
  BlobMetadata metadata;
  BlobId blob_id;
};

// Encodes `blob` and computes its metadata and ID with `threads` workers (0 = hardware
// concurrency). Returns kOk, or kBlobTooLarge with *out untouched.
RedStuffStatus encode_blob(const RedStuffParams& params, std::span<const std::uint8_t> blob,
                           std::size_t threads, EncodedBlob* out);

}  // namespace sliversim::codec
