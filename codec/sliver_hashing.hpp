// Sliver hashes (REDSTUFF.md §3): the hash of primary sliver i is the Merkle root over the n
// symbols of row i of the expanded matrix E; the hash of pair p's secondary sliver is the root
// over column n-1-p. Each symbol E[r][c] is a leaf of both row r and column c, so its leaf digest
// is computed once. This is the bulk of the work for small blobs (n^2 leaves, ~2n^2 inner nodes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "codec/blake2b.hpp"
#include "codec/redstuff_encoder.hpp"

namespace sliversim::codec {

// The hashes of one sliver pair, as the metadata lists them.
struct SliverPairHashes {
  Digest primary{};    // root over row p of E
  Digest secondary{};  // root over column n-1-p of E

  bool operator==(const SliverPairHashes&) const = default;
};

// The Merkle root over `count` symbols of `symbol_bytes` bytes stored back to back (an expanded
// sliver's hash when count = n).
Digest symbols_merkle_root(const std::uint8_t* symbols, std::size_t symbol_bytes,
                           std::size_t count);

// Every sliver hash of an expanded blob, in pair order, with `threads` workers (0 = hardware
// concurrency). Rows are processed in blocks of `block_rows` (a power of two; 0 picks one that
// keeps a block's leaf digests near 1 MiB); a block contributes its rows' roots and one subtree
// node per column. The result never depends on `threads` or `block_rows`.
// REQUIRES: block_rows is 0 or a power of two.
std::vector<SliverPairHashes> compute_sliver_hashes(const ExpandedBlob& expanded,
                                                    std::size_t threads,
                                                    std::size_t block_rows = 0);

}  // namespace sliversim::codec
