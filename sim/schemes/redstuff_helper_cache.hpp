// Private to the RedStuff scheme: the helper-side work that stays valid while units are unchanged.
// A helper proves its recovery symbol for target t with the Merkle path of leaf t in its expanded
// sliver's tree; building that tree (n leaf hashes, n inner hashes) is most of a helper's work.
// For an intact sliver the tree depends only on the blob, so the cache keeps, per sliver, the
// levels from a block level b up (about 2n / 2^b digests), and a proof is rebuilt from the 2^b
// leaves of t's block plus the cached siblings above it. The level is chosen per blob
// (cache_block_level): with b = 0 every digest of the tree is cached (64 KB per sliver at
// n = 1000, 128 MB per blob), which is worth it for large symbols, where a leaf costs a hash of
// kilobytes and the helper needs no symbol but t's own; b = 3 (8 KB per sliver, 16 MB per blob)
// for the small ones. Entries are made only from a tree whose root equals the metadata's sliver
// hash, and used only for units the store marks kValid; a corrupt unit is always served from its
// own bytes. Proofs are byte-identical with and without the cache, at any level.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/blake2b.hpp"
#include "codec/blob_metadata.hpp"
#include "codec/merkle.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::schemes::redstuff {

// The highest block level a cache uses (64 leaves per recomputed block), and the level chosen
// for blobs whose whole-tree cache would weigh too much against their slivers.
inline constexpr std::size_t kMaxBlockLevel = 6;
inline constexpr std::size_t kSmallSymbolBlockLevel = 3;

// The block level for a blob of n shards with symbols of `symbol_bytes`: the lowest level whose
// cache over all 2n slivers takes at most an eighth of the blob's stored slivers (about n^2 s
// bytes), else kSmallSymbolBlockLevel.
std::size_t cache_block_level(std::size_t n_shards, std::size_t symbol_bytes);

// The shape of an n-leaf Walrus Merkle tree: level l has ceil(n / 2^l) nodes (an odd level is
// padded with the empty node when hashed); levels from the block level up are stored back to back.
class TreeShape {
 public:
  // REQUIRES: n_leaves > 0; block_level <= kMaxBlockLevel.
  explicit TreeShape(std::size_t n_leaves, std::size_t block_level = kMaxBlockLevel);
  std::size_t leaves() const { return level_sizes_[0]; }
  // Number of levels, the root's included (1 for a single leaf).
  std::size_t levels() const { return level_sizes_.size(); }
  std::size_t level_size(std::size_t level) const { return level_sizes_[level]; }
  // Digests in the cached levels (kBlockLevel and up; the top level when the tree is lower).
  std::size_t cached_digests() const { return cached_digests_; }
  // The first cached level: min(the block level asked for, levels() - 1).
  std::size_t block_level() const { return block_level_; }
  // Position of node `index` of cached level `level` in the stored digests.
  std::size_t cached_offset(std::size_t level, std::size_t index) const;
  // The leaves [first, end) of the block holding leaf `leaf`.
  std::size_t block_first(std::size_t leaf) const;
  std::size_t block_end(std::size_t leaf) const;

 private:
  std::vector<std::size_t> level_sizes_;
  std::vector<std::size_t> level_offsets_;  // into the cached digests, for levels >= block_level_
  std::size_t block_level_ = 0;
  std::size_t cached_digests_ = 0;
};

// A whole Walrus Merkle tree kept level by level (level 0: the leaves; an odd level is padded with
// the empty node only when hashed), for a helper that builds one anyway: its proofs, and its
// levels for the cache without hashing anything twice.
class LevelTree {
 public:
  // The tree over `leaf_digests`. REQUIRES: at least one leaf.
  explicit LevelTree(std::vector<codec::Digest> leaf_digests);
  const codec::Digest& root() const { return levels_.back().front(); }
  // The proof of leaf `leaf`, identical to codec::MerkleTree's. REQUIRES: leaf < leaf count.
  codec::MerkleProof proof(std::size_t leaf) const;
  // Its levels from shape.block_level() up, shape.cached_digests() digests.
  // REQUIRES: shape is the shape of this tree.
  std::vector<codec::Digest> cached_levels(const TreeShape& shape) const;

 private:
  std::vector<std::vector<codec::Digest>> levels_;
};

// The cached levels of the tree over `leaf_digests` (shape.leaves() of them).
std::vector<codec::Digest> cached_levels(const TreeShape& shape,
                                         std::span<const codec::Digest> leaf_digests);

// The proofs of leaf `leaf` in `trees` trees of this shape at once (the trees of several helper
// slivers): block_leaves holds each tree's leaf digests of the leaf's block ([block_first,
// block_end) in order), tree after tree; cached[i] is tree i's cached levels. Writes proofs[i] and,
// in block_roots[i], tree i's node at the cached level as recomputed (callers compare it with the
// cached one). Each level of every tree is hashed in one batch, which keeps the hash lanes full.
void proofs_from_blocks(const TreeShape& shape, std::size_t leaf, std::size_t trees,
                        std::span<const codec::Digest> block_leaves,
                        std::span<const std::span<const codec::Digest>> cached,
                        codec::MerkleProof* proofs, codec::Digest* block_roots);

// The same for one tree.
codec::MerkleProof proof_from_block(const TreeShape& shape, std::size_t leaf,
                                    std::span<const codec::Digest> block_leaves,
                                    std::span<const codec::Digest> cached,
                                    codec::Digest* block_root);

// Per blob: the cached levels of each sliver of each axis (empty when not cached). Sized once;
// different slivers may be filled from different threads.
class HelperCache {
 public:
  HelperCache() = default;
  // Empty, for n slivers per axis, caching levels from `block_level` up.
  // REQUIRES: block_level <= kMaxBlockLevel.
  explicit HelperCache(std::size_t n_shards, std::size_t block_level = kMaxBlockLevel);

  const TreeShape& shape() const { return shape_; }
  // The cached levels of the sliver, or an empty span.
  std::span<const codec::Digest> find(codec::SliverAxis axis, codec::SliverIndex index) const;
  // Stores the cached levels of the sliver. REQUIRES: levels.size() == shape().cached_digests().
  void insert(codec::SliverAxis axis, codec::SliverIndex index, std::vector<codec::Digest> levels);
  // Bytes of the digests held.
  std::uint64_t bytes() const;

 private:
  std::vector<std::vector<codec::Digest>>& line(codec::SliverAxis axis);
  const std::vector<std::vector<codec::Digest>>& line(codec::SliverAxis axis) const;
  TreeShape shape_{1};
  std::vector<std::vector<codec::Digest>> primary_;
  std::vector<std::vector<codec::Digest>> secondary_;
};

// Caches every sliver of both axes of a blob from its n x n leaf digests (codec/sliver_encoder.hpp:
// row r holds primary sliver r's leaves, column c secondary sliver c's), each tree checked against
// the metadata's sliver hash, with `threads` workers (0 = hardware concurrency).
// REQUIRES: leaf_digests.size() == n^2 for the cache's n; metadata of the same blob.
void fill_from_leaf_digests(HelperCache& cache, std::span<const codec::Digest> leaf_digests,
                            const codec::BlobMetadata& metadata, std::size_t threads);

}  // namespace sliversim::schemes::redstuff
