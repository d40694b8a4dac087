// Walrus's Merkle tree (see merkle.hpp).
#include "codec/merkle.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace sliversim::codec {
namespace {

constexpr std::size_t kDigestNodeWireBytes = 1 + kDigestBytes;  // BCS enum tag + [u8; 32]
constexpr std::size_t kEmptyNodeWireBytes = 1;                  // BCS enum tag only

// Hashes one level of `count` nodes (count > 1) into its parent level, padding an odd level with
// the empty node. Returns the parent count.
std::size_t hash_level(const Digest* level, std::size_t count, Digest* parent) {
  const std::size_t pairs = count / 2;
  blake2b256_prefixed_batch(kMerkleInnerPrefix, level[0].data(), 2 * kDigestBytes, 2 * kDigestBytes,
                            pairs, parent);
  if (count % 2 == 1) parent[pairs] = merkle_inner_hash(level[count - 1], kEmptyMerkleNode);
  return pairs + count % 2;
}

}  // namespace

Digest merkle_leaf_hash(std::span<const std::uint8_t> data) {
  return blake2b256_prefixed(kMerkleLeafPrefix, data);
}

Digest merkle_inner_hash(const Digest& left, const Digest& right) {
  std::uint8_t both[2 * kDigestBytes];
  std::memcpy(both, left.data(), kDigestBytes);
  std::memcpy(both + kDigestBytes, right.data(), kDigestBytes);
  return blake2b256_prefixed(kMerkleInnerPrefix, both);
}

Digest merkle_root(std::span<const Digest> leaf_digests, std::vector<Digest>& scratch) {
  if (leaf_digests.empty()) return kEmptyMerkleNode;
  if (leaf_digests.size() == 1) return leaf_digests[0];
  // Two halves of scratch take turns as the current and the parent level.
  const std::size_t half = (leaf_digests.size() + 1) / 2;
  if (scratch.size() < 2 * half) scratch.resize(2 * half);
  Digest* bufs[2] = {scratch.data(), scratch.data() + half};
  std::size_t count = hash_level(leaf_digests.data(), leaf_digests.size(), bufs[0]);
  int cur = 0;
  while (count > 1) {
    count = hash_level(bufs[cur], count, bufs[1 - cur]);
    cur = 1 - cur;
  }
  return bufs[cur][0];
}

std::size_t merkle_proof_length(std::size_t leaf_count) {
  return leaf_count <= 1 ? 0 : static_cast<std::size_t>(std::bit_width(leaf_count - 1));
}

Digest MerkleProof::compute_root(std::span<const std::uint8_t> leaf_data,
                                 std::size_t leaf_index) const {
  Digest current = merkle_leaf_hash(leaf_data);
  std::size_t index = leaf_index;
  for (const MerkleProofNode& sibling : path) {
    current = index % 2 == 0 ? merkle_inner_hash(current, sibling.value())
                             : merkle_inner_hash(sibling.value(), current);
    index /= 2;
  }
  return current;
}

namespace {

// The leaf digests of every check, one batch per run of equal leaf lengths.
void hash_check_leaves(std::span<const ProofCheck> checks, std::vector<Digest>& out) {
  std::vector<std::uint8_t> packed;
  for (std::size_t first = 0; first < checks.size();) {
    const std::size_t bytes = checks[first].leaf_data.size();
    std::size_t end = first + 1;
    while (end < checks.size() && checks[end].leaf_data.size() == bytes) ++end;
    packed.resize((end - first) * bytes);
    for (std::size_t i = first; i < end && bytes > 0; ++i) {
      std::memcpy(packed.data() + (i - first) * bytes, checks[i].leaf_data.data(), bytes);
    }
    blake2b256_prefixed_batch(kMerkleLeafPrefix, packed.data(), bytes, bytes, end - first,
                              out.data() + first);
    first = end;
  }
}

}  // namespace

std::vector<Digest> compute_roots(std::span<const ProofCheck> checks) {
  std::vector<Digest> current(checks.size());
  hash_check_leaves(checks, current);
  std::size_t depth = 0;
  for (const ProofCheck& c : checks) depth = std::max(depth, c.proof->path.size());
  std::vector<std::uint8_t> pairs;
  std::vector<std::size_t> active;
  std::vector<Digest> parents;
  for (std::size_t level = 0; level < depth; ++level) {
    active.clear();
    pairs.clear();
    for (std::size_t i = 0; i < checks.size(); ++i) {
      const std::vector<MerkleProofNode>& path = checks[i].proof->path;
      if (level >= path.size()) continue;
      const Digest sibling = path[level].value();
      const bool left = ((checks[i].leaf_index >> level) & 1U) == 0;
      const Digest& first = left ? current[i] : sibling;
      const Digest& second = left ? sibling : current[i];
      pairs.insert(pairs.end(), first.begin(), first.end());
      pairs.insert(pairs.end(), second.begin(), second.end());
      active.push_back(i);
    }
    parents.resize(active.size());
    blake2b256_prefixed_batch(kMerkleInnerPrefix, pairs.data(), 2 * kDigestBytes, 2 * kDigestBytes,
                              active.size(), parents.data());
    for (std::size_t a = 0; a < active.size(); ++a) current[active[a]] = parents[a];
  }
  return current;
}

bool MerkleProof::verify(const Digest& root, std::span<const std::uint8_t> leaf_data,
                         std::size_t leaf_index) const {
  if (path.size() < 64 && (leaf_index >> path.size()) != 0) return false;
  return compute_root(leaf_data, leaf_index) == root;
}

std::size_t MerkleProof::wire_bytes() const {
  std::size_t bytes = uleb128_bytes(path.size());
  for (const MerkleProofNode& node : path) {
    bytes += node.empty ? kEmptyNodeWireBytes : kDigestNodeWireBytes;
  }
  return bytes;
}

std::size_t merkle_proof_wire_bytes(std::size_t leaf_count, std::size_t leaf_index) {
  std::size_t bytes = uleb128_bytes(merkle_proof_length(leaf_count));
  for (std::size_t count = leaf_count, index = leaf_index; count > 1; count = (count + 1) / 2) {
    const bool sibling_empty = count % 2 == 1 && index == count - 1;
    bytes += sibling_empty ? kEmptyNodeWireBytes : kDigestNodeWireBytes;
    index /= 2;
  }
  return bytes;
}

std::size_t uleb128_bytes(std::uint64_t value) {
  std::size_t bytes = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++bytes;
  }
  return bytes;
}

MerkleTree MerkleTree::from_leaf_digests(std::vector<Digest> leaf_digests) {
  MerkleTree tree;
  tree.leaf_count_ = leaf_digests.size();
  tree.nodes_ = std::move(leaf_digests);
  std::size_t level_start = 0;
  std::size_t count = tree.leaf_count_;
  while (count > 1) {
    if (count % 2 == 1) {
      tree.nodes_.push_back(kEmptyMerkleNode);
      ++count;
    }
    const std::size_t parent_start = level_start + count;
    tree.nodes_.resize(parent_start + count / 2);
    blake2b256_prefixed_batch(kMerkleInnerPrefix, tree.nodes_[level_start].data(), 2 * kDigestBytes,
                              2 * kDigestBytes, count / 2, &tree.nodes_[parent_start]);
    level_start = parent_start;
    count /= 2;
  }
  return tree;
}

MerkleTree MerkleTree::from_leaves(const std::uint8_t* data, std::size_t leaf_bytes,
                                   std::size_t count) {
  std::vector<Digest> leaves(count);
  blake2b256_prefixed_batch(kMerkleLeafPrefix, data, leaf_bytes, leaf_bytes, count, leaves.data());
  return from_leaf_digests(std::move(leaves));
}

Digest MerkleTree::root() const { return nodes_.empty() ? kEmptyMerkleNode : nodes_.back(); }

MerkleProof MerkleTree::proof(std::size_t leaf_index) const {
  MerkleProof proof;
  proof.path.reserve(merkle_proof_length(leaf_count_));
  std::size_t level_start = 0;
  std::size_t index = leaf_index;
  for (std::size_t count = leaf_count_; count > 1; count = (count + 1) / 2) {
    const std::size_t sibling = index ^ 1U;
    proof.path.push_back({sibling == count, nodes_[level_start + sibling]});
    level_start += count + count % 2;
    index /= 2;
  }
  return proof;
}

}  // namespace sliversim::codec
