// Encoding straight into slivers: the same slivers, metadata and blob ID as encode_blob (and so as
// the Walrus vectors encode_blob is checked against) for several shard counts, symbol sizes with
// and without tails, the empty blob and any thread count, also with the blob already in place;
// leaf digests of every symbol of E; the path through the matrix above kMaxDigestShards;
// statuses for bad input.
#include "codec/sliver_encoder.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "codec/merkle.hpp"
#include "codec/test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

// Sliver buffers of the right sizes for a blob of `length` bytes.
struct Slivers {
  std::vector<Bytes> primary;
  std::vector<Bytes> secondary;
  std::vector<std::uint8_t*> primary_ptr;
  std::vector<std::uint8_t*> secondary_ptr;

  Slivers(const RedStuffParams& params, std::size_t length) {
    std::size_t s = 0;
    REQUIRE(params.symbol_bytes_for(length, &s) == RedStuffStatus::kOk);
    for (std::size_t i = 0; i < params.n_shards(); ++i) {
      primary.emplace_back(params.secondary_source_symbols() * s, 0xEE);
      secondary.emplace_back(params.primary_source_symbols() * s, 0xEE);
    }
    for (Bytes& b : primary) primary_ptr.push_back(b.data());
    for (Bytes& b : secondary) secondary_ptr.push_back(b.data());
  }
  SliverBuffers buffers() const { return {primary_ptr, secondary_ptr}; }

  // Writes the blob's message rows (zero-padded) into primary slivers 0..k_p-1.
  void write_message(const RedStuffParams& params, std::size_t s, const Bytes& blob) {
    const std::size_t row = params.secondary_source_symbols() * s;
    for (std::size_t r = 0; r < params.primary_source_symbols(); ++r) {
      std::fill(primary[r].begin(), primary[r].end(), 0);
      const std::size_t at = std::min(blob.size(), r * row);
      std::copy(blob.begin() + static_cast<std::ptrdiff_t>(at),
                blob.begin() + static_cast<std::ptrdiff_t>(std::min(blob.size(), at + row)),
                primary[r].begin());
    }
  }
};

void check_like_encode_blob(std::size_t n, const Bytes& blob, std::size_t threads) {
  CAPTURE(n);
  CAPTURE(blob.size());
  CAPTURE(threads);
  const RedStuffParams params = *RedStuffParams::make(n);
  EncodedBlob reference;
  REQUIRE(encode_blob(params, blob, 1, &reference) == RedStuffStatus::kOk);
  Slivers slivers(params, blob.size());
  EncodedSlivers out;
  REQUIRE(encode_slivers(params, blob, threads, slivers.buffers(), true, &out) ==
          RedStuffStatus::kOk);
  CHECK(out.metadata == reference.metadata);
  CHECK(out.blob_id == reference.blob_id);
  CHECK(out.symbol_bytes == reference.expanded.symbol_bytes());
  const std::size_t s = out.symbol_bytes;
  for (std::size_t i = 0; i < n; ++i) {
    const auto index = static_cast<SliverIndex>(i);
    const auto primary = reference.expanded.primary_sliver(index);
    REQUIRE(slivers.primary[i] == Bytes(primary.begin(), primary.end()));
    REQUIRE(slivers.secondary[i] == reference.expanded.secondary_sliver(index));
  }
  REQUIRE(out.leaf_digests.size() == n * n);
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < n; ++c) {
      REQUIRE(out.leaf_digests[r * n + c] ==
              merkle_leaf_hash({reference.expanded.symbol(r, c), s}));
    }
  }
  // In place: the message rows written into the first k_p primary buffers beforehand.
  Slivers in_place(params, blob.size());
  in_place.write_message(params, s, blob);
  EncodedSlivers again;
  REQUIRE(encode_slivers_in_place(params, blob.size(), threads, in_place.buffers(), false,
                                  &again) == RedStuffStatus::kOk);
  CHECK(again.metadata == reference.metadata);
  CHECK(in_place.primary == slivers.primary);
  CHECK(in_place.secondary == slivers.secondary);
}

}  // namespace

TEST_CASE("slivers encoded without the matrix equal encode_blob's, with every leaf digest") {
  std::mt19937_64 rng(31);
  check_like_encode_blob(4, {}, 1);
  check_like_encode_blob(10, testing::random_bytes(rng, 33), 1);
  check_like_encode_blob(10, testing::random_bytes(rng, 4 * 7 * 100), 2);  // s = 100: a tail
  // 4 message rows on 3 workers: blocks of 1, 1 and 2 rows.
  check_like_encode_blob(10, testing::random_bytes(rng, 4 * 7 * 10), 3);
  check_like_encode_blob(13, testing::random_bytes(rng, 5 * 9 * 128 - 1), 3);  // s = 128
  // s = 60000 at n = 40: blocks of one column, whose leaves are hashed many rows at a time.
  check_like_encode_blob(40, testing::random_bytes(rng, 14 * 27 * 60000), 2);
  check_like_encode_blob(100, testing::random_bytes(rng, 34 * 67 * 6 + 5), 2);
  check_like_encode_blob(301, testing::random_bytes(rng, 101 * 201 * 70), 1);
}

TEST_CASE("slivers do not depend on the thread count at n = 1000") {
  std::mt19937_64 rng(32);
  const RedStuffParams params = *RedStuffParams::make(1000);
  // s = 130, and s = 2 (every line fits one block of the target size, split among the workers).
  for (const std::size_t size : {std::size_t{334 * 667 * 130 - 77}, std::size_t{334 * 667 * 2}}) {
    CAPTURE(size);
    const Bytes blob = testing::random_bytes(rng, size);
    Slivers one(params, blob.size());
    Slivers three(params, blob.size());
    EncodedSlivers a;
    EncodedSlivers b;
    REQUIRE(encode_slivers(params, blob, 1, one.buffers(), false, &a) == RedStuffStatus::kOk);
    REQUIRE(encode_slivers(params, blob, 3, three.buffers(), false, &b) == RedStuffStatus::kOk);
    CHECK(a.metadata == b.metadata);
    CHECK(a.leaf_digests.empty());
    CHECK(one.primary == three.primary);
    CHECK(one.secondary == three.secondary);
  }
}

TEST_CASE("above kMaxDigestShards the slivers come from the matrix, without leaf digests") {
  const std::size_t n = kMaxDigestShards + 1;
  const RedStuffParams params = *RedStuffParams::make(n);
  const Bytes blob = testing::pattern_blob(3000, 3);
  EncodedBlob reference;
  REQUIRE(encode_blob(params, blob, 2, &reference) == RedStuffStatus::kOk);
  Slivers slivers(params, blob.size());
  EncodedSlivers out;
  REQUIRE(encode_slivers(params, blob, 2, slivers.buffers(), true, &out) == RedStuffStatus::kOk);
  CHECK(out.metadata == reference.metadata);
  CHECK(out.leaf_digests.empty());
  CHECK(slivers.secondary[n - 1] == reference.expanded.secondary_sliver(SliverIndex(n - 1)));
  Slivers in_place(params, blob.size());
  in_place.write_message(params, 2, blob);
  REQUIRE(encode_slivers_in_place(params, blob.size(), 2, in_place.buffers(), false, &out) ==
          RedStuffStatus::kOk);
  CHECK(out.metadata == reference.metadata);
  CHECK(in_place.secondary == slivers.secondary);
}

TEST_CASE("bad sliver buffers and too large a blob are statuses") {
  const RedStuffParams params = *RedStuffParams::make(10);
  Slivers slivers(params, 100);
  std::vector<std::uint8_t*> short_list = slivers.primary_ptr;
  short_list.pop_back();
  EncodedSlivers out;
  CHECK(encode_slivers(params, Bytes(100), 1, {short_list, slivers.secondary_ptr}, false, &out) ==
        RedStuffStatus::kWrongSliverSize);
  std::vector<std::uint8_t*> with_null = slivers.secondary_ptr;
  with_null[3] = nullptr;
  CHECK(encode_slivers(params, Bytes(100), 1, {slivers.primary_ptr, with_null}, false, &out) ==
        RedStuffStatus::kWrongSliverSize);
  const RedStuffParams small = *RedStuffParams::make(4);
  std::vector<std::uint8_t> too_big(small.max_blob_bytes() + 1);
  CHECK(encode_slivers(small, too_big, 1, slivers.buffers(), false, &out) ==
        RedStuffStatus::kBlobTooLarge);
}
