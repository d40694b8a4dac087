// Cached upper Merkle levels of intact helper slivers (see redstuff_helper_cache.hpp).
#include "sim/schemes/redstuff_helper_cache.hpp"

#include <algorithm>
#include <utility>

#include "codec/parallel.hpp"
#include "sim/kernel/invariant.hpp"

namespace sliversim::schemes::redstuff {
namespace {

using codec::Digest;

// The parent level of `level` (more than one node), padding an odd level with the empty node.
std::vector<Digest> parent_level(std::span<const Digest> level) {
  std::vector<Digest> parent((level.size() + 1) / 2);
  const std::size_t pairs = level.size() / 2;
  if (pairs > 0) {
    codec::blake2b256_prefixed_batch(codec::kMerkleInnerPrefix, level[0].data(),
                                     2 * codec::kDigestBytes, 2 * codec::kDigestBytes, pairs,
                                     parent.data());
  }
  if (level.size() % 2 == 1) {
    parent[pairs] = codec::merkle_inner_hash(level.back(), codec::kEmptyMerkleNode);
  }
  return parent;
}

// The parent level of `trees` segments of `width` nodes each (one per tree, back to back), all
// hashed in one batch. Blocks are aligned, so a segment is odd only where its whole level is: it
// is padded with the empty node, and pairs never straddle two trees.
std::vector<Digest> parent_segments(const std::vector<Digest>& level, std::size_t trees,
                                    std::size_t width) {
  const std::vector<Digest>* pairs = &level;
  std::vector<Digest> padded;
  if (width % 2 == 1) {
    padded.reserve(trees * (width + 1));
    for (std::size_t t = 0; t < trees; ++t) {
      for (std::size_t i = 0; i < width; ++i) padded.push_back(level[t * width + i]);
      padded.push_back(codec::kEmptyMerkleNode);
    }
    pairs = &padded;
  }
  std::vector<Digest> parent(pairs->size() / 2);
  codec::blake2b256_prefixed_batch(codec::kMerkleInnerPrefix, (*pairs)[0].data(),
                                   2 * codec::kDigestBytes, 2 * codec::kDigestBytes, parent.size(),
                                   parent.data());
  return parent;
}

}  // namespace

std::size_t cache_block_level(std::size_t n_shards, std::size_t symbol_bytes) {
  const std::uint64_t stored = std::uint64_t{n_shards} * n_shards * symbol_bytes;
  for (std::size_t level = 0; level < kSmallSymbolBlockLevel; ++level) {
    const std::uint64_t cache =
        std::uint64_t{2} * n_shards * TreeShape(n_shards, level).cached_digests() * sizeof(Digest);
    if (cache <= stored / 8) return level;
  }
  return kSmallSymbolBlockLevel;
}

TreeShape::TreeShape(std::size_t n_leaves, std::size_t block_level) {
  kernel::check_invariant(n_leaves > 0, "TreeShape over no leaves");
  kernel::check_invariant(block_level <= kMaxBlockLevel, "TreeShape with too high a block level");
  for (std::size_t count = n_leaves;; count = (count + 1) / 2) {
    level_sizes_.push_back(count);
    if (count == 1) break;
  }
  block_level_ = std::min(block_level, level_sizes_.size() - 1);
  for (std::size_t level = block_level_; level < level_sizes_.size(); ++level) {
    level_offsets_.push_back(cached_digests_);
    cached_digests_ += level_sizes_[level];
  }
}

std::size_t TreeShape::cached_offset(std::size_t level, std::size_t index) const {
  return level_offsets_[level - block_level_] + index;
}

std::size_t TreeShape::block_first(std::size_t leaf) const {
  return (leaf >> block_level_) << block_level_;
}

std::size_t TreeShape::block_end(std::size_t leaf) const {
  return std::min(block_first(leaf) + (std::size_t{1} << block_level_), leaves());
}

LevelTree::LevelTree(std::vector<Digest> leaf_digests) {
  kernel::check_invariant(!leaf_digests.empty(), "LevelTree over no leaves");
  levels_.push_back(std::move(leaf_digests));
  while (levels_.back().size() > 1) levels_.push_back(parent_level(levels_.back()));
}

codec::MerkleProof LevelTree::proof(std::size_t leaf) const {
  codec::MerkleProof proof;
  proof.path.reserve(levels_.size() - 1);
  for (std::size_t l = 0; l + 1 < levels_.size(); ++l) {
    const std::size_t sibling = (leaf >> l) ^ 1U;
    proof.path.push_back(sibling >= levels_[l].size()
                             ? codec::MerkleProofNode{true, codec::kEmptyMerkleNode}
                             : codec::MerkleProofNode{false, levels_[l][sibling]});
  }
  return proof;
}

std::vector<Digest> LevelTree::cached_levels(const TreeShape& shape) const {
  std::vector<Digest> out;
  out.reserve(shape.cached_digests());
  for (std::size_t l = shape.block_level(); l < levels_.size(); ++l) {
    out.insert(out.end(), levels_[l].begin(), levels_[l].end());
  }
  return out;
}

std::vector<Digest> cached_levels(const TreeShape& shape, std::span<const Digest> leaf_digests) {
  return LevelTree({leaf_digests.begin(), leaf_digests.end()}).cached_levels(shape);
}

void proofs_from_blocks(const TreeShape& shape, std::size_t leaf, std::size_t trees,
                        std::span<const Digest> block_leaves,
                        std::span<const std::span<const Digest>> cached, codec::MerkleProof* proofs,
                        Digest* block_roots) {
  std::size_t first = shape.block_first(leaf);  // index of a segment's first node in its level
  std::size_t width = shape.block_end(leaf) - first;  // nodes per tree in this level
  std::vector<Digest> level(block_leaves.begin(), block_leaves.end());
  for (std::size_t t = 0; t < trees; ++t) {
    proofs[t].path.clear();
    proofs[t].path.reserve(shape.levels() - 1);
  }
  for (std::size_t l = 0; l < shape.block_level(); ++l) {
    const std::size_t sibling = (leaf >> l) ^ 1U;
    for (std::size_t t = 0; t < trees; ++t) {
      proofs[t].path.push_back(
          sibling >= shape.level_size(l)
              ? codec::MerkleProofNode{true, codec::kEmptyMerkleNode}
              : codec::MerkleProofNode{false, level[t * width + sibling - first]});
    }
    level = parent_segments(level, trees, width);
    width = (width + 1) / 2;
    first /= 2;
  }
  for (std::size_t t = 0; t < trees; ++t) {
    block_roots[t] = level[t];
    for (std::size_t l = shape.block_level(); l + 1 < shape.levels(); ++l) {
      const std::size_t sibling = (leaf >> l) ^ 1U;
      proofs[t].path.push_back(
          sibling >= shape.level_size(l)
              ? codec::MerkleProofNode{true, codec::kEmptyMerkleNode}
              : codec::MerkleProofNode{false, cached[t][shape.cached_offset(l, sibling)]});
    }
  }
}

codec::MerkleProof proof_from_block(const TreeShape& shape, std::size_t leaf,
                                    std::span<const Digest> block_leaves,
                                    std::span<const Digest> cached, Digest* block_root) {
  codec::MerkleProof proof;
  proofs_from_blocks(shape, leaf, 1, block_leaves, {&cached, 1}, &proof, block_root);
  return proof;
}

HelperCache::HelperCache(std::size_t n_shards, std::size_t block_level)
    : shape_(n_shards, block_level), primary_(n_shards), secondary_(n_shards) {}

std::vector<std::vector<Digest>>& HelperCache::line(codec::SliverAxis axis) {
  return axis == codec::SliverAxis::kPrimary ? primary_ : secondary_;
}

const std::vector<std::vector<Digest>>& HelperCache::line(codec::SliverAxis axis) const {
  return axis == codec::SliverAxis::kPrimary ? primary_ : secondary_;
}

std::span<const Digest> HelperCache::find(codec::SliverAxis axis, codec::SliverIndex index) const {
  const auto& slivers = line(axis);
  const std::size_t i = codec::to_size(index);
  return i < slivers.size() ? std::span<const Digest>(slivers[i]) : std::span<const Digest>();
}

void HelperCache::insert(codec::SliverAxis axis, codec::SliverIndex index,
                         std::vector<Digest> levels) {
  kernel::check_invariant(levels.size() == shape_.cached_digests(),
                          "helper cache entry of the wrong size");
  line(axis).at(codec::to_size(index)) = std::move(levels);
}

std::uint64_t HelperCache::bytes() const {
  std::uint64_t total = 0;
  for (const auto* slivers : {&primary_, &secondary_}) {
    for (const std::vector<Digest>& levels : *slivers) total += levels.size() * sizeof(Digest);
  }
  return total;
}

void fill_from_leaf_digests(HelperCache& cache, std::span<const Digest> leaf_digests,
                            const codec::BlobMetadata& metadata, std::size_t threads) {
  const std::size_t n = cache.shape().leaves();
  kernel::check_invariant(leaf_digests.size() == n * n, "leaf digests of another shape");
  // Slivers [0, n) are primary (rows), [n, 2n) secondary (columns).
  codec::parallel_ranges(
      2 * n, codec::resolve_threads(threads), [&](std::size_t begin, std::size_t end) {
        std::vector<Digest> leaves(n);
        for (std::size_t i = begin; i < end; ++i) {
          const bool primary = i < n;
          const std::size_t line = primary ? i : i - n;
          for (std::size_t k = 0; k < n; ++k) {
            leaves[k] = primary ? leaf_digests[line * n + k] : leaf_digests[k * n + line];
          }
          const LevelTree tree(leaves);
          const codec::SliverAxis axis =
              primary ? codec::SliverAxis::kPrimary : codec::SliverAxis::kSecondary;
          const auto index = static_cast<codec::SliverIndex>(line);
          kernel::check_invariant(tree.root() == metadata.sliver_hash(axis, index),
                                  "leaf digests that do not give the metadata's sliver hash");
          cache.insert(axis, index, tree.cached_levels(cache.shape()));
        }
      });
}

}  // namespace sliversim::schemes::redstuff
