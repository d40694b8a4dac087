// Walrus's Merkle tree: known roots (computed independently with Python's hashlib), agreement
// with a recursive reference, proofs for every leaf of small trees that fail when the symbol, a
// sibling or the index changes, and the BCS proof sizes of REDSTUFF.md §4.
#include "codec/merkle.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "codec/byte_text.hpp"
#include "codec/test_support.hpp"
#include "codec/wire_sizes.hpp"

using namespace sliversim::codec;

namespace {

// Leaves [i, i+1, i+2] for i < count, back to back.
std::vector<std::uint8_t> counting_leaves(std::size_t count) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t j = 0; j < 3; ++j) out.push_back(static_cast<std::uint8_t>(i + j));
  }
  return out;
}

// The spec, written as plainly as possible: pad each odd level with the zero node.
Digest reference_root(std::vector<Digest> level) {
  if (level.empty()) return kEmptyMerkleNode;
  while (level.size() > 1) {
    if (level.size() % 2 == 1) level.push_back(kEmptyMerkleNode);
    std::vector<Digest> up;
    for (std::size_t i = 0; i < level.size(); i += 2) {
      up.push_back(merkle_inner_hash(level[i], level[i + 1]));
    }
    level = up;
  }
  return level[0];
}

}  // namespace

TEST_CASE("roots of small trees match values computed independently") {
  const std::pair<std::size_t, const char*> known[] = {
      {1, "84ced69100173166b80812fd458b0120c603ac4e35c31fd3bfaf01514ee621c2"},
      {2, "6a4e3dc2feb6c46750bb2970cb88c6f7c8f24ba34379cbdc14a663c434b0acdf"},
      {3, "ab1c6428cbfba88d88af291aeb9095dad2327d33dbca6cd306d2303f0c04bf94"},
      {5, "e7dfd607229b7992d40d453ba145aefbc741815f9aeeb4ec403075c162e18030"},
      {7, "fb162985af377663b84236d31fe4733e5beabcb11fb89910d3d25328529b6eea"}};
  for (const auto& [count, root_hex] : known) {
    CAPTURE(count);
    const auto leaves = counting_leaves(count);
    CHECK(hex_encode(MerkleTree::from_leaves(leaves.data(), 3, count).root()) == root_hex);
  }
}

TEST_CASE("an empty tree has the zero root and a one-leaf tree the leaf digest") {
  CHECK(MerkleTree::from_leaf_digests({}).root() == kEmptyMerkleNode);
  std::vector<Digest> scratch;
  CHECK(merkle_root({}, scratch) == kEmptyMerkleNode);
  const std::uint8_t data[] = {1, 2};
  const Digest leaf = merkle_leaf_hash(data);
  CHECK(MerkleTree::from_leaf_digests({leaf}).root() == leaf);
  CHECK(MerkleTree::from_leaf_digests({leaf}).proof(0).path.empty());
}

TEST_CASE("tree root, streaming root and reference agree for 1..70 leaves") {
  std::mt19937_64 rng(5);
  std::vector<Digest> scratch;
  for (std::size_t count = 1; count <= 70; ++count) {
    std::vector<Digest> leaves(count);
    for (auto& d : leaves) {
      const auto bytes = testing::random_bytes(rng, kDigestBytes);
      std::copy(bytes.begin(), bytes.end(), d.begin());
    }
    const Digest expected = reference_root(leaves);
    CHECK(merkle_root(leaves, scratch) == expected);
    CHECK(MerkleTree::from_leaf_digests(leaves).root() == expected);
  }
}

TEST_CASE("proofs verify for every leaf and fail when the symbol, a sibling or the index changes") {
  std::mt19937_64 rng(9);
  for (std::size_t count = 1; count <= 17; ++count) {
    const std::size_t leaf_bytes = 4;
    const auto data = testing::random_bytes(rng, count * leaf_bytes);
    const MerkleTree tree = MerkleTree::from_leaves(data.data(), leaf_bytes, count);
    for (std::size_t i = 0; i < count; ++i) {
      CAPTURE(count);
      CAPTURE(i);
      const std::span<const std::uint8_t> leaf(data.data() + i * leaf_bytes, leaf_bytes);
      const MerkleProof proof = tree.proof(i);
      CHECK(proof.path.size() == merkle_proof_length(count));
      CHECK(proof.verify(tree.root(), leaf, i));
      CHECK(proof.wire_bytes() == merkle_proof_wire_bytes(count, i));

      std::vector<std::uint8_t> changed(leaf.begin(), leaf.end());
      changed[1] ^= 0x10;
      CHECK_FALSE(proof.verify(tree.root(), changed, i));
      for (std::size_t level = 0; level < proof.path.size(); ++level) {
        MerkleProof bad = proof;
        bad.path[level].digest[0] ^= 1;
        bad.path[level].empty = false;
        CHECK_FALSE(bad.verify(tree.root(), leaf, i));
      }
      for (std::size_t j = 0; j < std::size_t{1} << proof.path.size(); ++j) {
        if (j != i) CHECK_FALSE(proof.verify(tree.root(), leaf, j));
      }
      CHECK_FALSE(proof.verify(tree.root(), leaf, i + (std::size_t{1} << proof.path.size())));
    }
  }
}

TEST_CASE("batched roots equal each proof's own root, for mixed depths, lengths and tampering") {
  std::mt19937_64 rng(21);
  std::vector<std::vector<std::uint8_t>> data;
  std::vector<MerkleProof> proofs;
  std::vector<std::size_t> indices;
  for (const std::size_t count : {1U, 2U, 7U, 64U, 65U, 1000U}) {
    for (const std::size_t leaf_bytes : {3U, 130U}) {
      std::vector<std::uint8_t> leaves = testing::random_bytes(rng, count * leaf_bytes);
      const MerkleTree tree = MerkleTree::from_leaves(leaves.data(), leaf_bytes, count);
      for (std::size_t i = 0; i < count; i += 1 + count / 5) {
        data.emplace_back(leaves.begin() + static_cast<std::ptrdiff_t>(i * leaf_bytes),
                          leaves.begin() + static_cast<std::ptrdiff_t>((i + 1) * leaf_bytes));
        proofs.push_back(tree.proof(i));
        indices.push_back(i);
      }
    }
  }
  data[3][0] ^= 1;                       // a changed leaf
  proofs[5].path.back().digest[0] ^= 1;  // a changed sibling
  indices[8] ^= 1;                       // the wrong index
  std::vector<ProofCheck> checks;
  for (std::size_t i = 0; i < proofs.size(); ++i)
    checks.push_back({data[i], indices[i], &proofs[i]});
  const std::vector<Digest> roots = compute_roots(checks);
  REQUIRE(roots.size() == proofs.size());
  for (std::size_t i = 0; i < proofs.size(); ++i) {
    CAPTURE(i);
    CHECK(roots[i] == proofs[i].compute_root(data[i], indices[i]));
  }
  CHECK(compute_roots({}).empty());
}

TEST_CASE("proof sizes at n = 1000, 100 and 10 are Walrus's (REDSTUFF.md section 4)") {
  const ProofWireStats at1000 = proof_wire_stats(1000);
  CHECK(at1000.min_bytes == 267);
  CHECK(at1000.max_bytes == 331);
  CHECK(at1000.mean_bytes == doctest::Approx(330.488));
  CHECK(std::round(proof_wire_stats(100).mean_bytes) == 228.0);
  CHECK(std::round(proof_wire_stats(10).mean_bytes) == 120.0);
  // A symbol on the wire at n = 1000 costs s + about 337 bytes: the mean proof plus a framing of
  // 6 bytes below s = 128 and 7 bytes from there (the ULEB128 length grows).
  CHECK(recovery_symbol_framing_bytes(2) == 6);
  CHECK(recovery_symbol_framing_bytes(127) == 6);
  CHECK(recovery_symbol_framing_bytes(128) == 7);
  CHECK(recovery_symbol_framing_bytes(65534) == 8);
  CHECK(static_cast<double>(recovery_symbol_framing_bytes(100)) + at1000.mean_bytes ==
        doctest::Approx(336.488));
  CHECK(static_cast<double>(recovery_symbol_framing_bytes(302)) + at1000.mean_bytes ==
        doctest::Approx(337.488));
  CHECK(recovery_symbol_wire_bytes(1000, 100, 0) == 100 + 6 + 331);
  CHECK(recovery_symbol_wire_bytes(1000, 100, 999) == 100 + 6 + 267);
}

TEST_CASE("ULEB128 lengths") {
  CHECK(uleb128_bytes(0) == 1);
  CHECK(uleb128_bytes(127) == 1);
  CHECK(uleb128_bytes(128) == 2);
  CHECK(uleb128_bytes(16383) == 2);
  CHECK(uleb128_bytes(16384) == 3);
}
