// The helper cache: proofs rebuilt from a block and cached levels equal whole-tree proofs, and
// helpers served with the cache send exactly what codec::serve_recovery_symbols sends.
#include "sim/schemes/redstuff_helper_cache.hpp"

#include <doctest/doctest.h>

#include <initializer_list>

#include <vector>

#include "codec/blob_metadata.hpp"
#include "codec/merkle.hpp"
#include "codec/recovery_helper_batch.hpp"
#include "sim/kernel/trace_digest.hpp"
#include "sim/schemes/redstuff_helper_serve.hpp"
#include "sim/schemes/scheme_test_support.hpp"

namespace sliversim::schemes::redstuff {
namespace {

using codec::Digest;
using codec::SliverAxis;
using codec::SliverIndex;

std::vector<Digest> leaf_digests(std::size_t n, std::uint64_t seed) {
  std::vector<Digest> leaves(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t data[2] = {static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(seed)};
    leaves[i] = codec::merkle_leaf_hash(data);
  }
  return leaves;
}

TEST_CASE("tree shape at n = 1000: levels down to the root, 31 cached digests from level 6") {
  const TreeShape shape(1000);
  CHECK(shape.levels() == 11);  // 1000 500 250 125 63 32 16 8 4 2 1
  CHECK(shape.level_size(4) == 63);
  CHECK(shape.block_level() == 6);
  CHECK(shape.cached_digests() == 16 + 8 + 4 + 2 + 1);
  CHECK(shape.block_first(999) == 960);
  CHECK(shape.block_end(999) == 1000);
  CHECK(shape.block_end(5) == 64);
  const TreeShape small(10);  // lower than a block: the whole tree is one block
  CHECK(small.block_level() == 4);
  CHECK(small.cached_digests() == 1);
  CHECK(small.block_first(9) == 0);
  CHECK(small.block_end(9) == 10);
  const TreeShape whole(1000, 0);  // every digest
  CHECK(whole.block_level() == 0);
  CHECK(whole.cached_digests() == 2001);
  CHECK(whole.block_first(999) == 999);
  CHECK(whole.block_end(999) == 1000);
  CHECK(whole.cached_offset(1, 3) == 1003);
  const TreeShape eights(1000, 3);
  CHECK(eights.cached_digests() == 125 + 63 + 32 + 16 + 8 + 4 + 2 + 1);
  CHECK(eights.block_first(999) == 992);
}

TEST_CASE("the block level: every digest for large symbols, eight-leaf blocks for small ones") {
  // At n = 1000 a whole-tree cache is 2n x 2001 digests = 128 MB, allowed from 1 GB of slivers.
  CHECK(cache_block_level(1000, 4820) == 0);  // 1 GiB blobs
  CHECK(cache_block_level(1000, 1206) == 0);  // 256 MiB: 1.2 GB of slivers
  CHECK(cache_block_level(1000, 1000) == 1);  // 64 MB for levels from 1 (<= 125 MB)
  CHECK(cache_block_level(1000, 302) == 2);   // 64 MiB: 32 MB <= 37.75 MB
  CHECK(cache_block_level(1000, 76) == 3);    // 16 MiB
  CHECK(cache_block_level(1000, 6) == 3);     // 1 MiB: the cap, whatever the weight
  CHECK(cache_block_level(10, 2) == 3);
}

TEST_CASE("level trees and proofs from a block with cached levels equal codec Merkle trees") {
  for (const std::size_t n :
       std::initializer_list<std::size_t>{1, 2, 3, 7, 10, 63, 64, 65, 100, 129, 333, 1000}) {
    CAPTURE(n);
    const std::vector<Digest> leaves = leaf_digests(n, n);
    const codec::MerkleTree tree = codec::MerkleTree::from_leaf_digests(leaves);
    const LevelTree levels(leaves);
    CHECK(levels.root() == tree.root());
    for (const std::size_t block_level : {0U, 1U, 3U, 6U}) {
      CAPTURE(block_level);
      const TreeShape shape(n, block_level);
      const std::vector<Digest> cached = cached_levels(shape, leaves);
      REQUIRE(cached.size() == shape.cached_digests());
      CHECK(cached.back() == tree.root());
      for (std::size_t leaf = 0; leaf < n; ++leaf) {
        CHECK(levels.proof(leaf).path == tree.proof(leaf).path);
        const std::size_t first = shape.block_first(leaf);
        const std::span<const Digest> block(leaves.data() + first, shape.block_end(leaf) - first);
        Digest block_root;
        const codec::MerkleProof proof = proof_from_block(shape, leaf, block, cached, &block_root);
        CHECK(proof.path == tree.proof(leaf).path);
        CHECK(block_root ==
              cached[shape.cached_offset(shape.block_level(), leaf >> shape.block_level())]);
      }
    }
  }
}

// Serves every helper of `axis` for `targets` with and without the cache (twice with it: the
// first call fills it, the second uses it) and checks all three agree.
void check_serving(const codec::EncodedBlob& encoded, SliverAxis axis,
                   const std::vector<SliverIndex>& targets, const std::vector<bool>& intact,
                   std::size_t block_level) {
  const codec::RedStuffParams& params = encoded.expanded.params();
  const std::size_t n = params.n_shards();
  std::vector<std::vector<std::uint8_t>> slivers(n);
  std::vector<ServedSliver> helpers;
  std::vector<codec::HelperSliver> plain;
  for (std::size_t i = 0; i < n; ++i) {
    slivers[i] = encoded.expanded.sliver(axis, static_cast<SliverIndex>(i));
    if (!intact[i]) slivers[i][i % slivers[i].size()] ^= 0x5A;
    helpers.push_back({static_cast<SliverIndex>(i), slivers[i], intact[i]});
    plain.push_back({static_cast<SliverIndex>(i), slivers[i]});
  }
  const std::size_t s = encoded.expanded.symbol_bytes();
  std::vector<codec::RecoverySymbol> reference;
  REQUIRE(codec::serve_recovery_symbols(params, axis, plain, s, targets, 1, &reference) ==
          codec::RedStuffStatus::kOk);
  HelperCache cache(n, block_level);
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<codec::RecoverySymbol> served;
    REQUIRE(serve_helpers(params, axis, helpers, s, targets, encoded.metadata, &cache, 2,
                          &served) == codec::RedStuffStatus::kOk);
    CHECK(served == reference);
  }
  for (std::size_t i = 0; i < n; ++i) {
    CHECK(cache.find(axis, static_cast<SliverIndex>(i)).empty() == !intact[i]);
  }
}

TEST_CASE("helpers served with the cache send exactly the codec's symbols and proofs") {
  // Block level 0 computes the targets past a sliver's stored symbols as combinations of them
  // (large symbols: 130 bytes here, a whole block and a tail); levels 3 and 6 expand.
  for (const std::size_t n : std::initializer_list<std::size_t>{7, 13, 100, 300}) {
    CAPTURE(n);
    const codec::RedStuffParams params = *codec::RedStuffParams::make(n);
    const std::size_t source = params.primary_source_symbols() * params.secondary_source_symbols();
    const std::vector<std::uint8_t> blob = test::blob_bytes(source * 130 - 3, n);
    codec::EncodedBlob encoded;
    REQUIRE(codec::encode_blob(params, blob, 1, &encoded) == codec::RedStuffStatus::kOk);
    REQUIRE(encoded.expanded.symbol_bytes() == 130);
    std::vector<bool> intact(n, true);
    for (std::size_t i = 3; i < n; i += 5) intact[i] = false;  // corrupt: never cached
    for (const std::size_t level : {0U, 3U, 6U}) {
      for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
        CAPTURE(level);
        CAPTURE(static_cast<int>(axis));
        // Systematic targets only (answered without expansion when cached), then mixed ones.
        check_serving(encoded, axis, {SliverIndex{0}, SliverIndex{1}}, intact, level);
        check_serving(encoded, axis,
                      {SliverIndex{0}, static_cast<SliverIndex>(n - 1),
                       static_cast<SliverIndex>(n / 2), static_cast<SliverIndex>(n - 2)},
                      intact, level);
      }
    }
  }
}

TEST_CASE("a cache filled from the encoder's leaf digests serves exactly the codec's symbols") {
  const std::size_t n = 100;
  const codec::RedStuffParams params = *codec::RedStuffParams::make(n);
  const std::vector<std::uint8_t> blob = test::blob_bytes(34 * 67 * 200, 4);
  codec::EncodedBlob encoded;
  REQUIRE(codec::encode_blob(params, blob, 1, &encoded) == codec::RedStuffStatus::kOk);
  std::vector<codec::Digest> digests(n * n);
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < n; ++c) {
      digests[r * n + c] = codec::merkle_leaf_hash({encoded.expanded.symbol(r, c), 200});
    }
  }
  for (const std::size_t level : {0U, 2U}) {
    CAPTURE(level);
    HelperCache cache(n, level);
    fill_from_leaf_digests(cache, digests, encoded.metadata, 2);
    CHECK(cache.bytes() == 2 * n * cache.shape().cached_digests() * sizeof(Digest));
    for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
      std::vector<std::vector<std::uint8_t>> slivers;
      std::vector<ServedSliver> helpers;
      std::vector<codec::HelperSliver> plain;
      for (std::size_t i = 0; i < n; ++i) {
        slivers.push_back(encoded.expanded.sliver(axis, static_cast<SliverIndex>(i)));
      }
      for (std::size_t i = 0; i < n; ++i) {
        helpers.push_back({static_cast<SliverIndex>(i), slivers[i], true});
        plain.push_back({static_cast<SliverIndex>(i), slivers[i]});
      }
      const std::vector<SliverIndex> targets{SliverIndex{3}, SliverIndex{70}, SliverIndex{99}};
      std::vector<codec::RecoverySymbol> reference;
      REQUIRE(codec::serve_recovery_symbols(params, axis, plain, 200, targets, 1, &reference) ==
              codec::RedStuffStatus::kOk);
      std::vector<codec::RecoverySymbol> served;
      REQUIRE(serve_helpers(params, axis, helpers, 200, targets, encoded.metadata, &cache, 2,
                            &served) == codec::RedStuffStatus::kOk);
      CHECK(served == reference);
    }
  }
}

TEST_CASE("a cache entry is made only from a tree with the metadata's root") {
  const codec::RedStuffParams params = *codec::RedStuffParams::make(10);
  codec::EncodedBlob encoded;
  REQUIRE(codec::encode_blob(params, test::blob_bytes(500, 1), 1, &encoded) ==
          codec::RedStuffStatus::kOk);
  std::vector<std::uint8_t> altered = encoded.expanded.sliver(SliverAxis::kPrimary, SliverIndex{2});
  altered[0] ^= 1;
  // Marked intact by mistake: served from its bytes (not cached), so its proofs still fail.
  const std::vector<ServedSliver> helpers = {{SliverIndex{2}, altered, true}};
  HelperCache cache(10);
  std::vector<codec::RecoverySymbol> served;
  const SliverIndex target{9};
  REQUIRE(serve_helpers(params, SliverAxis::kPrimary, helpers, encoded.expanded.symbol_bytes(),
                        {&target, 1}, encoded.metadata, &cache, 1,
                        &served) == codec::RedStuffStatus::kOk);
  CHECK(cache.find(SliverAxis::kPrimary, SliverIndex{2}).empty());
  CHECK(cache.bytes() == 0);
  CHECK_FALSE(served[0].proof.verify(
      encoded.metadata.sliver_hash(SliverAxis::kPrimary, SliverIndex{2}), served[0].data, 9));
}

}  // namespace
}  // namespace sliversim::schemes::redstuff
