// RedStuff parameters (REDSTUFF.md §1-§2): the table at n = 10 and 1000, the valid range of n,
// symbol sizes and the largest blob, the pair <-> sliver maps and the pair -> shard rotation.
#include "codec/redstuff_params.hpp"

#include <doctest/doctest.h>

#include <set>

#include "codec/blob_id.hpp"
#include "codec/byte_text.hpp"
#include "codec/wire_sizes.hpp"

using namespace sliversim::codec;

TEST_CASE("parameters at n = 10 and n = 1000 match the table") {
  const auto p10 = *RedStuffParams::make(10);
  CHECK(p10.max_faulty() == 3);
  CHECK(p10.primary_source_symbols() == 4);
  CHECK(p10.secondary_source_symbols() == 7);
  const auto p1000 = *RedStuffParams::make(1000);
  CHECK(p1000.max_faulty() == 333);
  CHECK(p1000.primary_source_symbols() == 334);
  CHECK(p1000.secondary_source_symbols() == 667);
  CHECK(p1000.symbols_per_sliver(SliverAxis::kPrimary) == 667);
  CHECK(p1000.symbols_per_sliver(SliverAxis::kSecondary) == 334);
  CHECK(p1000.decoding_threshold(SliverAxis::kPrimary) == 334);
  CHECK(p1000.decoding_threshold(SliverAxis::kSecondary) == 667);
  CHECK(p1000.max_blob_bytes() == 14'599'533'452ULL);
  CHECK(p1000.primary_code().rate() == RsRate::kLow);
  CHECK(p1000.secondary_code().rate() == RsRate::kHigh);
}

TEST_CASE("every n from 4 to 49155 is valid; smaller and larger n are rejected") {
  for (std::size_t n = 0; n < 4; ++n) {
    CHECK(RedStuffParams::check(n) == RedStuffStatus::kInvalidShardCount);
    CHECK_FALSE(RedStuffParams::make(n).has_value());
  }
  for (std::size_t n = 4; n <= 49155; ++n) {
    if (RedStuffParams::check(n) != RedStuffStatus::kOk) FAIL("n = " << n << " rejected");
  }
  // Beyond 49155 the row code's FFT would need more than 65 536 points.
  CHECK(RedStuffParams::kMaxShards == 49155);
  CHECK(RedStuffParams::check(49156) == RedStuffStatus::kInvalidShardCount);
  CHECK(RsCode::check(49156 - 16385, 16385) == RsStatus::kInvalidShape);
  CHECK(RedStuffParams::check(65535) == RedStuffStatus::kInvalidShardCount);
  CHECK(RedStuffParams::check(65536) == RedStuffStatus::kInvalidShardCount);
}

TEST_CASE("symbol size is ceil(max(L,1) / (k_p k_s)) rounded up to even, at most 65534") {
  const auto p = *RedStuffParams::make(10);  // k_p k_s = 28
  std::size_t s = 0;
  const std::pair<std::uint64_t, std::size_t> cases[] = {
      {0, 2}, {1, 2}, {56, 2}, {57, 4}, {112, 4}, {113, 6}, {1792, 64}, {1848, 66}};
  for (const auto& [length, expected] : cases) {
    CAPTURE(length);
    REQUIRE(p.symbol_bytes_for(length, &s) == RedStuffStatus::kOk);
    CHECK(s == expected);
  }
  REQUIRE(p.symbol_bytes_for(p.max_blob_bytes(), &s) == RedStuffStatus::kOk);
  CHECK(s == 65534);
  CHECK(p.symbol_bytes_for(p.max_blob_bytes() + 1, &s) == RedStuffStatus::kBlobTooLarge);
}

TEST_CASE("pair p holds primary sliver p and secondary sliver n-1-p, and the maps invert") {
  const auto p = *RedStuffParams::make(13);
  for (std::size_t i = 0; i < 13; ++i) {
    const auto pair = static_cast<SliverPairIndex>(i);
    CHECK(to_size(p.sliver_of_pair(pair, SliverAxis::kPrimary)) == i);
    CHECK(to_size(p.sliver_of_pair(pair, SliverAxis::kSecondary)) == 12 - i);
    for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
      CHECK(p.pair_of_sliver(p.sliver_of_pair(pair, axis), axis) == pair);
    }
  }
}

TEST_CASE("pairs rotate onto shards by the blob ID read as a big-endian integer") {
  BlobId id;
  const auto bytes =
      *hex_decode("dc63d02f71d936716137f17b97901af97d553ad00ac08b20f73b9693c47cd6fe");
  std::copy(bytes.begin(), bytes.end(), id.bytes.begin());
  // Remainders computed with Python's arbitrary-precision integers.
  CHECK(shard_rotation(id, 1000) == 422);
  CHECK(shard_rotation(id, 7) == 4);
  CHECK(shard_rotation(id, 65535) == 53612);
  CHECK(to_size(shard_for_pair(id, SliverPairIndex{0}, 1000)) == 422);
  CHECK(to_size(shard_for_pair(id, SliverPairIndex{600}, 1000)) == 22);
  std::set<std::size_t> shards;
  for (std::size_t p = 0; p < 1000; ++p) {
    const ShardIndex shard = shard_for_pair(id, static_cast<SliverPairIndex>(p), 1000);
    shards.insert(to_size(shard));
    CHECK(to_size(pair_for_shard(id, shard, 1000)) == p);
  }
  CHECK(shards.size() == 1000);
}

TEST_CASE("blob IDs print as 43 base64url characters and parse back") {
  BlobId id;
  for (std::size_t i = 0; i < kDigestBytes; ++i) id.bytes[i] = static_cast<std::uint8_t>(i * 9);
  const std::string text = id.to_base64url();
  CHECK(text.size() == 43);
  CHECK(BlobId::from_base64url(text) == id);
  CHECK_FALSE(BlobId::from_base64url(text.substr(1)).has_value());
  CHECK(id.to_hex().size() == 64);
}

TEST_CASE("metadata sizes: 64n + 32 stored, BCS framing on the wire") {
  CHECK(metadata_bytes(1000) == 64'032);
  CHECK(metadata_wire_bytes(1000) == 32 + 1 + 1 + 8 + 2 + 66 * 1000);
  CHECK(metadata_wire_bytes(10) == 32 + 1 + 1 + 8 + 1 + 660);
  CHECK(sliver_wire_bytes(667, 2) == 1 + 2 + 1334 + 2 + 2);
}
