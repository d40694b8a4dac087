// The RedStuff encoder: the message matrix is systematic, every row and column of the expanded
// matrix is its sliver's expansion (the product-code property), sliver hashes agree with a
// line-by-line reference for every thread count and block size, and statuses for bad input.
#include "codec/redstuff_encoder.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <random>

#include "codec/blob_metadata.hpp"
#include "codec/sliver_expansion.hpp"
#include "codec/test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

ExpandedBlob expand(std::size_t n, const Bytes& blob, std::size_t threads) {
  ExpandedBlob e;
  REQUIRE(encode_expanded(*RedStuffParams::make(n), blob, threads, &e) == RedStuffStatus::kOk);
  return e;
}

Bytes random_blob(std::size_t length, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  return testing::random_bytes(rng, length);
}

// Sliver hashes computed one line at a time from copies of each row and column.
std::vector<SliverPairHashes> reference_hashes(const ExpandedBlob& e) {
  const std::size_t n = e.n_shards();
  std::vector<SliverPairHashes> out(n);
  for (std::size_t p = 0; p < n; ++p) {
    out[p].primary = symbols_merkle_root(e.row(p).data(), e.symbol_bytes(), n);
    const Bytes column = e.column(n - 1 - p);
    out[p].secondary = symbols_merkle_root(column.data(), e.symbol_bytes(), n);
  }
  return out;
}

}  // namespace

TEST_CASE("the message matrix holds the blob row-major, zero-padded") {
  const std::size_t n = 10;
  const Bytes blob = random_blob(301, 1);  // s = 12 for k_p k_s = 28
  const ExpandedBlob e = expand(n, blob, 1);
  const std::size_t s = e.symbol_bytes();
  REQUIRE(s == 12);
  for (std::size_t r = 0; r < 4; ++r) {
    for (std::size_t c = 0; c < 7; ++c) {
      for (std::size_t b = 0; b < s; ++b) {
        const std::size_t at = (r * 7 + c) * s + b;
        CHECK(e.symbol(r, c)[b] == (at < blob.size() ? blob[at] : 0));
      }
    }
  }
}

TEST_CASE("every row and column of the expanded matrix is its sliver expanded") {
  for (const std::size_t n : {4U, 7U, 10U, 13U, 31U}) {
    CAPTURE(n);
    const auto params = *RedStuffParams::make(n);
    const ExpandedBlob e = expand(n, random_blob(40 * n, n), 2);
    const std::size_t s = e.symbol_bytes();
    Bytes line(n * s);
    for (std::size_t i = 0; i < n; ++i) {
      const auto index = static_cast<SliverIndex>(i);
      REQUIRE(expand_sliver(params, SliverAxis::kPrimary, e.primary_sliver(index), s, line) ==
              RedStuffStatus::kOk);
      CHECK(std::equal(line.begin(), line.end(), e.row(i).begin()));
      REQUIRE(expand_sliver(params, SliverAxis::kSecondary, e.secondary_sliver(index), s, line) ==
              RedStuffStatus::kOk);
      CHECK(line == e.column(i));
    }
  }
}

TEST_CASE("encoding and hashing do not depend on the thread count or the block size") {
  for (const std::size_t n : {37U, 100U}) {
    CAPTURE(n);
    const Bytes blob = random_blob(3 * n * n, 77);
    const ExpandedBlob one = expand(n, blob, 1);
    const auto expected = reference_hashes(one);
    for (const std::size_t threads : {1U, 2U, 3U, 7U}) {
      CAPTURE(threads);
      const ExpandedBlob other = expand(n, blob, threads);
      CHECK(std::equal(one.matrix().begin(), one.matrix().end(), other.matrix().begin()));
      for (const std::size_t block_rows : {0U, 1U, 2U, 4U, 8U, 16U, 64U, 128U}) {
        CAPTURE(block_rows);
        CHECK(compute_sliver_hashes(other, threads, block_rows) == expected);
      }
    }
  }
}

TEST_CASE("slivers and pairs are copies of the right lines") {
  const ExpandedBlob e = expand(7, random_blob(500, 4), 1);
  const SliverPair pair = sliver_pair(e, SliverPairIndex{2});
  CHECK(pair.index == SliverPairIndex{2});
  CHECK(pair.primary == e.sliver(SliverAxis::kPrimary, SliverIndex{2}));
  CHECK(pair.secondary == e.sliver(SliverAxis::kSecondary, SliverIndex{4}));
  CHECK(pair.primary.size() == 5 * e.symbol_bytes());
  CHECK(pair.secondary.size() == 3 * e.symbol_bytes());
  const Bytes column = e.column(4);
  CHECK(std::equal(pair.secondary.begin(), pair.secondary.end(), column.begin()));
  CHECK(sliver_pairs(e).size() == 7);
}

TEST_CASE("the largest blob encodes and one byte more is refused") {
  const auto params = *RedStuffParams::make(4);
  Bytes blob(static_cast<std::size_t>(params.max_blob_bytes()), 0x5c);
  ExpandedBlob e;
  REQUIRE(encode_expanded(params, blob, 2, &e) == RedStuffStatus::kOk);
  CHECK(e.symbol_bytes() == 65534);
  blob.push_back(1);
  EncodedBlob encoded;
  CHECK(encode_blob(params, blob, 2, &encoded) == RedStuffStatus::kBlobTooLarge);
}

TEST_CASE("the empty blob encodes as zeros with 2-byte symbols") {
  const ExpandedBlob e = expand(10, {}, 1);
  CHECK(e.symbol_bytes() == 2);
  CHECK(e.unencoded_bytes() == 0);
  for (const std::uint8_t b : e.matrix()) REQUIRE(b == 0);
}

TEST_CASE("a sliver verifies against the metadata, and a changed, short or misplaced one fails") {
  const auto params = *RedStuffParams::make(10);
  EncodedBlob encoded;
  REQUIRE(encode_blob(params, random_blob(1000, 8), 1, &encoded) == RedStuffStatus::kOk);
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    for (std::size_t i = 0; i < 10; ++i) {
      const auto index = static_cast<SliverIndex>(i);
      Bytes sliver = encoded.expanded.sliver(axis, index);
      CHECK(verify_sliver(params, encoded.metadata, axis, index, sliver) == RedStuffStatus::kOk);
      const auto other = static_cast<SliverIndex>((i + 1) % 10);
      CHECK(verify_sliver(params, encoded.metadata, axis, other, sliver) ==
            RedStuffStatus::kSliverHashMismatch);
      sliver[sliver.size() / 2] ^= 0x40;
      CHECK(verify_sliver(params, encoded.metadata, axis, index, sliver) ==
            RedStuffStatus::kSliverHashMismatch);
      sliver.pop_back();
      CHECK(verify_sliver(params, encoded.metadata, axis, index, sliver) ==
            RedStuffStatus::kWrongSliverSize);
    }
  }
  const Bytes any = encoded.expanded.sliver(SliverAxis::kPrimary, SliverIndex{0});
  CHECK(verify_sliver(params, encoded.metadata, SliverAxis::kPrimary, SliverIndex{10}, any) ==
        RedStuffStatus::kInvalidSliverIndex);
  CHECK(verify_sliver(*RedStuffParams::make(11), encoded.metadata, SliverAxis::kPrimary,
                      SliverIndex{0}, any) == RedStuffStatus::kMetadataMismatch);
}
