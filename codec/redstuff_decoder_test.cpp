// Whole-blob decoding: every threshold-size subset of either axis decodes at small n and one
// sliver fewer fails cleanly; malformed input gives statuses; corrupt slivers and inconsistently
// encoded blobs are caught by the default and strict checks.
#include "codec/redstuff_decoder.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "codec/recovery_test_support.hpp"
#include "codec/sliver_expansion.hpp"
#include "codec/test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

EncodedBlob encode(const RedStuffParams& params, const Bytes& blob) {
  EncodedBlob e;
  REQUIRE(encode_blob(params, blob, 1, &e) == RedStuffStatus::kOk);
  return e;
}

struct Slivers {
  std::vector<Bytes> data;  // by sliver index
  std::vector<SliverRef> refs(const std::vector<std::size_t>& indices) const {
    std::vector<SliverRef> out;
    for (const std::size_t i : indices) out.push_back({static_cast<SliverIndex>(i), data[i]});
    return out;
  }
};

Slivers slivers_of(const ExpandedBlob& e, SliverAxis axis) {
  Slivers s;
  for (std::size_t i = 0; i < e.n_shards(); ++i) {
    s.data.push_back(e.sliver(axis, static_cast<SliverIndex>(i)));
  }
  return s;
}

Bytes random_blob(std::size_t length, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  return testing::random_bytes(rng, length);
}

}  // namespace

TEST_CASE("every threshold-size subset of either axis decodes; one fewer is refused") {
  for (const std::size_t n : {4U, 7U, 10U}) {
    const auto params = *RedStuffParams::make(n);
    const Bytes blob = random_blob(11 * n + 5, n);
    const EncodedBlob encoded = encode(params, blob);
    for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
      const Slivers all = slivers_of(encoded.expanded, axis);
      const std::size_t k = params.decoding_threshold(axis);
      std::size_t subsets = 0;
      testing::for_each_subset(n, k, [&](const std::vector<std::size_t>& subset) {
        DecodeResult result;
        const auto refs = all.refs(subset);
        REQUIRE(decode_blob(params, encoded.metadata, axis, refs, {}, &result) ==
                RedStuffStatus::kOk);
        REQUIRE(result.blob == blob);
        ++subsets;
      });
      CHECK(subsets > 0);
      testing::for_each_subset(n, k - 1, [&](const std::vector<std::size_t>& subset) {
        DecodeResult result;
        const auto refs = all.refs(subset);
        REQUIRE(decode_blob(params, encoded.metadata, axis, refs, {}, &result) ==
                RedStuffStatus::kTooFewSlivers);
        REQUIRE(result.blob.empty());
      });
    }
  }
}

TEST_CASE("decoding at n = 1000 from random primary or secondary slivers, any thread count") {
  const auto params = *RedStuffParams::make(1000);
  const Bytes blob = random_blob(5000, 1000);
  EncodedBlob encoded;
  REQUIRE(encode_blob(params, blob, 0, &encoded) == RedStuffStatus::kOk);
  std::mt19937_64 rng(17);
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    std::vector<std::size_t> order(1000);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    order.resize(params.decoding_threshold(axis));
    const Slivers all = slivers_of(encoded.expanded, axis);
    for (const std::size_t threads : {1U, 3U}) {
      DecodeResult result;
      const DecodeOptions options{ConsistencyCheck::kDefault, threads};
      REQUIRE(decode_blob(params, encoded.metadata, axis, all.refs(order), options, &result) ==
              RedStuffStatus::kOk);
      CHECK(result.blob == blob);
    }
  }
}

TEST_CASE("the empty blob decodes to nothing") {
  const auto params = *RedStuffParams::make(7);
  const EncodedBlob encoded = encode(params, {});
  const Slivers all = slivers_of(encoded.expanded, SliverAxis::kSecondary);
  DecodeResult result;
  CHECK(decode_blob(params, encoded.metadata, SliverAxis::kSecondary, all.refs({0, 2, 3, 5, 6}), {},
                    &result) == RedStuffStatus::kOk);
  CHECK(result.blob.empty());
}

TEST_CASE("malformed slivers and foreign metadata are reported as statuses") {
  const auto params = *RedStuffParams::make(7);
  const EncodedBlob encoded = encode(params, random_blob(300, 2));
  const Slivers all = slivers_of(encoded.expanded, SliverAxis::kPrimary);
  DecodeResult result;
  auto decode = [&](const std::vector<SliverRef>& refs) {
    return decode_blob(params, encoded.metadata, SliverAxis::kPrimary, refs, {}, &result);
  };
  CHECK(decode(all.refs({0, 1, 1})) == RedStuffStatus::kDuplicateSliver);
  auto refs = all.refs({0, 1, 2});
  refs[2].index = SliverIndex{7};
  CHECK(decode(refs) == RedStuffStatus::kInvalidSliverIndex);
  refs = all.refs({0, 1, 2});
  refs[1].data = refs[1].data.first(refs[1].data.size() - 2);
  CHECK(decode(refs) == RedStuffStatus::kWrongSliverSize);
  BlobMetadata other = encoded.metadata;
  other.hashes.pop_back();
  CHECK(decode_blob(params, other, SliverAxis::kPrimary, all.refs({0, 1, 2}), {}, &result) ==
        RedStuffStatus::kMetadataMismatch);
  CHECK(decode_blob(*RedStuffParams::make(8), encoded.metadata, SliverAxis::kPrimary,
                    all.refs({0, 1, 2}), {}, &result) == RedStuffStatus::kMetadataMismatch);
}

TEST_CASE("a corrupt sliver fails the default check and is named by the strict check") {
  const auto params = *RedStuffParams::make(10);
  const Bytes blob = random_blob(700, 3);
  const EncodedBlob encoded = encode(params, blob);
  Slivers all = slivers_of(encoded.expanded, SliverAxis::kPrimary);
  all.data[5][3] ^= 0x01;
  const auto refs = all.refs({2, 5, 7, 9});
  DecodeResult result;
  CHECK(decode_blob(params, encoded.metadata, SliverAxis::kPrimary, refs, {}, &result) ==
        RedStuffStatus::kInconsistentEncoding);
  CHECK(result.blob.empty());
  const DecodeOptions strict{ConsistencyCheck::kStrict, 1};
  CHECK(decode_blob(params, encoded.metadata, SliverAxis::kPrimary, refs, strict, &result) ==
        RedStuffStatus::kSliverHashMismatch);
  CHECK(result.bad_slivers == std::vector<SliverIndex>{SliverIndex{5}});
  const DecodeOptions trusting{ConsistencyCheck::kNone, 1};
  REQUIRE(decode_blob(params, encoded.metadata, SliverAxis::kPrimary, refs, trusting, &result) ==
          RedStuffStatus::kOk);
  CHECK(result.blob != blob);
}

TEST_CASE("an inconsistently encoded blob is detected from either axis") {
  // A writer who replaces a non-systematic primary sliver with garbage but publishes hashes of
  // what it sends: each sliver matches the metadata, the blob does not.
  const std::size_t n = 10;
  const auto params = *RedStuffParams::make(n);
  const EncodedBlob honest = encode(params, random_blob(900, 4));
  const std::size_t s = honest.expanded.symbol_bytes();
  const std::size_t bad_row = 8;
  std::vector<Bytes> rows(n);
  for (std::size_t r = 0; r < n; ++r) {
    rows[r].assign(honest.expanded.row(r).begin(), honest.expanded.row(r).end());
  }
  Bytes garbage = random_blob(7 * s, 99);
  REQUIRE(expand_sliver(params, SliverAxis::kPrimary, garbage, s, rows[bad_row]) ==
          RedStuffStatus::kOk);
  BlobMetadata lying = honest.metadata;
  for (std::size_t p = 0; p < n; ++p) {
    Bytes column(n * s);
    for (std::size_t r = 0; r < n; ++r) {
      std::copy_n(rows[r].begin() + static_cast<std::ptrdiff_t>((n - 1 - p) * s), s,
                  column.begin() + static_cast<std::ptrdiff_t>(r * s));
    }
    lying.hashes[p] = {symbols_merkle_root(rows[p].data(), s, n),
                       symbols_merkle_root(column.data(), s, n)};
  }
  Slivers primaries;
  for (std::size_t r = 0; r < n; ++r) {
    primaries.data.emplace_back(rows[r].begin(),
                                rows[r].begin() + static_cast<std::ptrdiff_t>(7 * s));
  }
  const DecodeOptions strict{ConsistencyCheck::kStrict, 1};
  for (const auto& subset : {std::vector<std::size_t>{0, 1, 2, 3}, {1, 4, 8, 9}}) {
    DecodeResult result;
    CHECK(decode_blob(params, lying, SliverAxis::kPrimary, primaries.refs(subset), {}, &result) ==
          RedStuffStatus::kInconsistentEncoding);
    CHECK(decode_blob(params, lying, SliverAxis::kPrimary, primaries.refs(subset), strict,
                      &result) == RedStuffStatus::kInconsistentEncoding);
    CHECK(result.bad_slivers.empty());
    CHECK(std::find(result.inconsistent_pairs.begin(), result.inconsistent_pairs.end(),
                    static_cast<SliverPairIndex>(bad_row)) != result.inconsistent_pairs.end());
  }
}
