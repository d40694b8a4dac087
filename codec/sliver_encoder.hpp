// Encoding a blob straight into its slivers, without the n x n expanded matrix E that encode_blob
// builds (REDSTUFF.md §2): the row code extends the k_p message rows (the row parity, k_p x
// (n - k_s) symbols), which with the message gives every secondary sliver; the column code then
// extends the secondary slivers, a block of columns at a time, into the rows below, whose first
// k_s columns are primary slivers k_p..n-1. Every symbol of E passes through one block, where its
// leaf digest is taken; the sliver hashes are Merkle roots over those digests. Memory beyond the
// slivers: the n^2 leaf digests (32 MB at n = 1000), the row parity (about half the blob) and a
// few MiB of blocks. Byte-identical to encode_blob (slivers, metadata, blob ID).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/blake2b.hpp"
#include "codec/blob_id.hpp"
#include "codec/blob_metadata.hpp"
#include "codec/redstuff_params.hpp"
#include "codec/redstuff_status.hpp"

namespace sliversim::codec {

// Where the slivers go: the caller's buffers, each the sliver's size for the blob's symbol size s
// (RedStuffParams::symbol_bytes_for).
struct SliverBuffers {
  std::span<std::uint8_t* const> primary;    // n buffers of k_s * s bytes: primary sliver i
  std::span<std::uint8_t* const> secondary;  // n buffers of k_p * s bytes: secondary sliver j
};

// What encode_slivers gives besides the slivers.
struct EncodedSlivers {
  BlobMetadata metadata;
  BlobId blob_id;
  std::size_t symbol_bytes = 0;
  // When asked for: the leaf digest H(0x00 || E[r][c]) of every symbol at [r * n + c]: row r's
  // are primary sliver r's expanded tree leaves, column c's secondary sliver c's.
  std::vector<Digest> leaf_digests;
};

// Encodes `blob` into `buffers` with `threads` workers (0 = hardware concurrency), the leaf
// digests kept in out->leaf_digests when `keep_leaf_digests`. Returns kOk, kBlobTooLarge, or
// kWrongSliverSize (not n non-null buffers per axis); nothing is written on failure. The bytes
// never depend on `threads`. Above kMaxDigestShards shards (where the digests would outweigh
// the matrix) it encodes through encode_blob and copies the slivers out, with the same results.
// REQUIRES: the buffers do not overlap each other or the blob.
RedStuffStatus encode_slivers(const RedStuffParams& params, std::span<const std::uint8_t> blob,
                              std::size_t threads, const SliverBuffers& buffers,
                              bool keep_leaf_digests, EncodedSlivers* out);

// encode_slivers with the blob already in place: primary buffers 0..k_p-1 hold message rows
// 0..k_p-1, i.e. the blob's `blob_bytes` bytes in order, k_s * s per row, zeros past its end
// (a caller that produces the blob piece by piece writes it there and holds no other copy).
// Same statuses and results as encode_slivers on those bytes.
RedStuffStatus encode_slivers_in_place(const RedStuffParams& params, std::uint64_t blob_bytes,
                                       std::size_t threads, const SliverBuffers& buffers,
                                       bool keep_leaf_digests, EncodedSlivers* out);

// The most shards for which encode_slivers keeps the n^2 leaf digests (128 MiB of them).
inline constexpr std::size_t kMaxDigestShards = 2048;

}  // namespace sliversim::codec
