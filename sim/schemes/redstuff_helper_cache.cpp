// Cached upper Merkle levels of intact helper slivers (see redstuff_helper_cache.hpp).
#include "sim/schemes/redstuff_helper_cache.hpp"

#include <algorithm>
#include <utility>

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

}  // namespace

TreeShape::TreeShape(std::size_t n_leaves) {
  kernel::check_invariant(n_leaves > 0, "TreeShape over no leaves");
  for (std::size_t count = n_leaves;; count = (count + 1) / 2) {
    level_sizes_.push_back(count);
    if (count == 1) break;
  }
  block_level_ = std::min(kBlockLevel, level_sizes_.size() - 1);
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

std::vector<Digest> cached_levels(const TreeShape& shape, std::span<const Digest> leaf_digests) {
  std::vector<Digest> out;
  out.reserve(shape.cached_digests());
  std::vector<Digest> level(leaf_digests.begin(), leaf_digests.end());
  for (std::size_t l = 0; l < shape.levels(); ++l) {
    if (l >= shape.block_level()) out.insert(out.end(), level.begin(), level.end());
    if (level.size() > 1) level = parent_level(level);
  }
  return out;
}

codec::MerkleProof proof_from_block(const TreeShape& shape, std::size_t leaf,
                                    std::span<const Digest> block_leaves,
                                    std::span<const Digest> cached, Digest* block_root) {
  codec::MerkleProof proof;
  proof.path.reserve(shape.levels() - 1);
  std::vector<Digest> level(block_leaves.begin(), block_leaves.end());
  std::size_t level_first = shape.block_first(leaf);  // index of level[0] within its level
  for (std::size_t l = 0; l < shape.block_level(); ++l) {
    const std::size_t sibling = (leaf >> l) ^ 1U;
    if (sibling >= shape.level_size(l)) {
      proof.path.push_back({true, codec::kEmptyMerkleNode});
    } else {
      proof.path.push_back({false, level[sibling - level_first]});
    }
    // Blocks are aligned, so a block level ends odd only where its whole level does.
    level = parent_level(level);
    level_first /= 2;
  }
  *block_root = level.front();
  for (std::size_t l = shape.block_level(); l + 1 < shape.levels(); ++l) {
    const std::size_t sibling = (leaf >> l) ^ 1U;
    if (sibling >= shape.level_size(l)) {
      proof.path.push_back({true, codec::kEmptyMerkleNode});
    } else {
      proof.path.push_back({false, cached[shape.cached_offset(l, sibling)]});
    }
  }
  return proof;
}

HelperCache::HelperCache(std::size_t n_shards)
    : shape_(n_shards), primary_(n_shards), secondary_(n_shards) {}

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

}  // namespace sliversim::schemes::redstuff
