// Walrus's Merkle tree over BLAKE2b-256 (REDSTUFF.md §3): leaf = H(0x00 || data), inner node =
// H(0x01 || left || right), and a level of odd length is padded with an empty node whose value is
// 32 zero bytes. A tree of one leaf has that leaf's digest as its root; an empty tree has the zero
// digest. Proofs list the sibling of each node on the path from the leaf to the root.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/blake2b.hpp"

namespace sliversim::codec {

inline constexpr std::uint8_t kMerkleLeafPrefix = 0x00;
inline constexpr std::uint8_t kMerkleInnerPrefix = 0x01;

// The value of an empty node (padding of an odd level).
inline constexpr Digest kEmptyMerkleNode{};

// H(0x00 || data).
Digest merkle_leaf_hash(std::span<const std::uint8_t> data);

// H(0x01 || left || right).
Digest merkle_inner_hash(const Digest& left, const Digest& right);

// The root over the given leaf digests, without keeping the tree. `scratch` is working space the
// caller may reuse between calls (it is resized as needed).
Digest merkle_root(std::span<const Digest> leaf_digests, std::vector<Digest>& scratch);

// The number of siblings in a proof for a tree of `leaf_count` leaves: ceil(log2(leaf_count)).
std::size_t merkle_proof_length(std::size_t leaf_count);

// One sibling on a proof path: a digest, or the empty padding node (whose value is zero).
struct MerkleProofNode {
  bool empty = false;
  Digest digest{};

  Digest value() const { return empty ? kEmptyMerkleNode : digest; }
  bool operator==(const MerkleProofNode&) const = default;
};

// An authentication path for one leaf. The leaf index is not part of the proof (Walrus sends it
// separately: it is the target sliver's index).
struct MerkleProof {
  std::vector<MerkleProofNode> path;  // siblings from the leaf level up to below the root

  // The root that this path and `leaf_data` at `leaf_index` imply.
  Digest compute_root(std::span<const std::uint8_t> leaf_data, std::size_t leaf_index) const;

  // True when the path proves that `leaf_data` is leaf `leaf_index` of the tree with `root`.
  // False also when leaf_index does not fit the path (leaf_index >= 2^path.size()).
  bool verify(const Digest& root, std::span<const std::uint8_t> leaf_data,
              std::size_t leaf_index) const;

  // Bytes of the proof in Walrus's BCS framing: a ULEB128 node count, then 33 bytes per digest
  // node (variant tag + 32) and 1 byte per empty node.
  std::size_t wire_bytes() const;
};

// One proof to check in a batch: the leaf's data and index, and its path.
struct ProofCheck {
  std::span<const std::uint8_t> leaf_data;
  std::size_t leaf_index = 0;
  const MerkleProof* proof = nullptr;
};

// The root each proof implies, equal to checks[i].proof->compute_root(leaf_data, leaf_index),
// hashed in lane-parallel batches: the leaves at once (one batch per leaf length), then each
// level's inner nodes of every path still that long. REQUIRES: every proof non-null.
std::vector<Digest> compute_roots(std::span<const ProofCheck> checks);

// The BCS size of the proof for leaf `leaf_index` of a tree of `leaf_count` leaves, computed
// from the shape alone. REQUIRES: leaf_index < leaf_count.
std::size_t merkle_proof_wire_bytes(std::size_t leaf_count, std::size_t leaf_index);

// Bytes of a ULEB128 encoding of `value` (BCS length prefixes).
std::size_t uleb128_bytes(std::uint64_t value);

// A whole tree, for producing proofs. Stores every node, level by level.
class MerkleTree {
 public:
  MerkleTree() = default;

  // Builds the tree over leaf digests already computed with merkle_leaf_hash.
  static MerkleTree from_leaf_digests(std::vector<Digest> leaf_digests);

  // Builds the tree over `count` leaves of `leaf_bytes` bytes each, stored back to back at data.
  static MerkleTree from_leaves(const std::uint8_t* data, std::size_t leaf_bytes,
                                std::size_t count);

  std::size_t leaf_count() const { return leaf_count_; }
  // The root (the zero digest for an empty tree).
  Digest root() const;
  // The digest of leaf i. REQUIRES: i < leaf_count().
  const Digest& leaf_digest(std::size_t i) const { return nodes_[i]; }
  // The proof for leaf `leaf_index`. REQUIRES: leaf_index < leaf_count().
  MerkleProof proof(std::size_t leaf_index) const;

 private:
  std::vector<Digest> nodes_;  // leaves, then each upper level; odd levels end with the empty node
  std::size_t leaf_count_ = 0;
};

}  // namespace sliversim::codec
