// The helper side of recovery: symbols are the right cells of the expanded matrix with proofs
// against the helper's own sliver hash; single-symbol evaluation agrees; a helper whose stored
// sliver is corrupt cannot produce a symbol that passes against the metadata.
#include "codec/recovery_helper.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "codec/recovery_test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

SliverIndex idx(std::size_t i) { return static_cast<SliverIndex>(i); }

Bytes cell(const ExpandedBlob& e, std::size_t row, std::size_t col) {
  const std::uint8_t* p = e.symbol(row, col);
  return Bytes(p, p + e.symbol_bytes());
}

}  // namespace

TEST_CASE("helpers answer with E[i][j] from primary slivers and E[t][c] from secondary slivers") {
  for (const std::size_t n : {4U, 7U, 10U, 13U}) {
    const auto blob = testing::make_helped_blob(n, testing::seeded_blob(40 * n + 3, n));
    const ExpandedBlob& e = blob.encoded.expanded;
    const std::size_t k_s = blob.params.secondary_source_symbols();
    for (std::size_t h = 0; h < n; ++h) {
      const RecoveryHelper& primary = blob.primary_helpers[h];
      const RecoveryHelper& secondary = blob.secondary_helpers[h];
      REQUIRE(primary.sliver_hash() ==
              blob.encoded.metadata.sliver_hash(SliverAxis::kPrimary, idx(h)));
      REQUIRE(secondary.sliver_hash() ==
              blob.encoded.metadata.sliver_hash(SliverAxis::kSecondary, idx(h)));
      const Bytes own = e.sliver(SliverAxis::kPrimary, idx(h));
      for (std::size_t t = 0; t < n; ++t) {
        const RecoverySymbol to_secondary = primary.recovery_symbol(idx(t));
        CHECK(to_secondary.data == cell(e, h, t));
        if (t < k_s) {
          CHECK(std::equal(to_secondary.data.begin(), to_secondary.data.end(),
                           own.begin() + static_cast<std::ptrdiff_t>(t * blob.symbol_bytes)));
        }
        CHECK(to_secondary.target() == RecoveryTarget{SliverAxis::kSecondary, idx(t)});
        CHECK(to_secondary.helper_index == idx(h));
        CHECK(to_secondary.proof.verify(primary.sliver_hash(), to_secondary.data, t));
        const RecoverySymbol to_primary = secondary.recovery_symbol(idx(t));
        CHECK(to_primary.data == cell(e, t, h));
        CHECK(to_primary.target() == RecoveryTarget{SliverAxis::kPrimary, idx(t)});
        CHECK(to_primary.proof.verify(secondary.sliver_hash(), to_primary.data, t));
      }
    }
  }
}

TEST_CASE("every honest helper symbol passes the recovering side's check") {
  const auto blob = testing::make_helped_blob(10, testing::seeded_blob(1234, 5));
  for (const SliverAxis target_axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    for (std::size_t t = 0; t < 10; ++t) {
      const RecoveryTarget target{target_axis, idx(t)};
      for (std::size_t h = 0; h < 10; ++h) {
        const RecoverySymbol symbol =
            blob.helpers(orthogonal(target_axis))[h].recovery_symbol(idx(t));
        CHECK(check_recovery_symbol(blob.params, blob.encoded.metadata, blob.symbol_bytes, target,
                                    symbol) == SymbolVerdict::kValid);
      }
    }
  }
}

TEST_CASE("single-symbol evaluation gives the helper's symbols without expanding") {
  for (const std::size_t n : {4U, 10U, 13U, 100U}) {
    const std::size_t length = n == 100 ? 300000 : 50 * n;
    const auto params = *RedStuffParams::make(n);
    EncodedBlob encoded;
    REQUIRE(encode_blob(params, testing::seeded_blob(length, n + 1), 1, &encoded) ==
            RedStuffStatus::kOk);
    const std::size_t s = encoded.expanded.symbol_bytes();
    for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
      for (const std::size_t h : {std::size_t{0}, n / 2, n - 1}) {
        const Bytes sliver = encoded.expanded.sliver(axis, idx(h));
        RecoverySymbolEvaluator evaluator;
        REQUIRE(RecoverySymbolEvaluator::make(params, axis, sliver, s, &evaluator) ==
                RedStuffStatus::kOk);
        Bytes out(s);
        for (std::size_t t = 0; t < n; ++t) {
          REQUIRE(evaluator.evaluate(idx(t), out) == RedStuffStatus::kOk);
          const Bytes want = axis == SliverAxis::kPrimary ? cell(encoded.expanded, h, t)
                                                          : cell(encoded.expanded, t, h);
          REQUIRE(out == want);
        }
        CHECK(evaluator.evaluate(idx(n), out) == RedStuffStatus::kInvalidSliverIndex);
        Bytes short_out(s - 2);
        CHECK(evaluator.evaluate(idx(0), short_out) == RedStuffStatus::kWrongSliverSize);
      }
    }
  }
}

TEST_CASE("a helper whose stored sliver is corrupt produces no symbol that passes") {
  const auto blob = testing::make_helped_blob(13, testing::seeded_blob(2000, 6));
  const auto& metadata = blob.encoded.metadata;
  std::mt19937_64 rng(66);
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    for (int trial = 0; trial < 6; ++trial) {
      const std::size_t h = testing::uniform_below(rng, 13);
      Bytes sliver = blob.encoded.expanded.sliver(axis, idx(h));
      sliver[testing::uniform_below(rng, sliver.size())] ^=
          static_cast<std::uint8_t>(1 + testing::uniform_below(rng, 255));
      RecoveryHelper liar;
      REQUIRE(RecoveryHelper::make(blob.params, axis, idx(h), sliver, blob.symbol_bytes, &liar) ==
              RedStuffStatus::kOk);
      CHECK(liar.sliver_hash() != metadata.sliver_hash(axis, idx(h)));
      for (std::size_t t = 0; t < 13; ++t) {
        const RecoverySymbol symbol = liar.recovery_symbol(idx(t));
        // Its proof is self-consistent, against the wrong root.
        CHECK(symbol.proof.verify(liar.sliver_hash(), symbol.data, t));
        CHECK(check_recovery_symbol(blob.params, metadata, blob.symbol_bytes,
                                    {orthogonal(axis), idx(t)},
                                    symbol) == SymbolVerdict::kBadProof);
      }
    }
  }
}

TEST_CASE("a tampered symbol or proof is caught, and malformed symbols get their verdicts") {
  const auto blob = testing::make_helped_blob(7, testing::seeded_blob(500, 7));
  const auto& metadata = blob.encoded.metadata;
  const std::size_t s = blob.symbol_bytes;
  const RecoveryTarget target{SliverAxis::kPrimary, idx(3)};
  const RecoverySymbol honest = blob.secondary_helpers[5].recovery_symbol(idx(3));
  auto verdict = [&](const RecoverySymbol& symbol) {
    return check_recovery_symbol(blob.params, metadata, s, target, symbol);
  };
  REQUIRE(verdict(honest) == SymbolVerdict::kValid);
  RecoverySymbol bad = honest;
  bad.data[0] ^= 0x80;
  CHECK(verdict(bad) == SymbolVerdict::kBadProof);
  bad = honest;
  bad.proof.path[0].digest[7] ^= 0x01;
  CHECK(verdict(bad) == SymbolVerdict::kBadProof);
  bad = honest;
  bad.helper_index = idx(4);  // claims another helper's position
  CHECK(verdict(bad) == SymbolVerdict::kBadProof);
  bad = honest;
  bad.helper_axis = SliverAxis::kPrimary;
  CHECK(verdict(bad) == SymbolVerdict::kWrongAxis);
  bad = honest;
  bad.target_index = idx(2);
  CHECK(verdict(bad) == SymbolVerdict::kWrongTarget);
  bad = honest;
  bad.helper_index = idx(7);
  CHECK(verdict(bad) == SymbolVerdict::kInvalidHelperIndex);
  bad = honest;
  bad.data.push_back(0);
  bad.data.push_back(0);
  CHECK(verdict(bad) == SymbolVerdict::kWrongSize);
}

TEST_CASE("helpers refuse malformed slivers") {
  const auto params = *RedStuffParams::make(7);
  const Bytes sliver(5 * 4, 1);  // a primary sliver of k_s = 5 symbols of 4 bytes
  RecoveryHelper helper;
  CHECK(RecoveryHelper::make(params, SliverAxis::kPrimary, idx(7), sliver, 4, &helper) ==
        RedStuffStatus::kInvalidSliverIndex);
  CHECK(RecoveryHelper::make(params, SliverAxis::kSecondary, idx(0), sliver, 4, &helper) ==
        RedStuffStatus::kWrongSliverSize);
  CHECK(RecoveryHelper::make(params, SliverAxis::kPrimary, idx(0), sliver, 0, &helper) ==
        RedStuffStatus::kWrongSliverSize);
  const Bytes odd(5 * 3, 1);
  CHECK(RecoveryHelper::make(params, SliverAxis::kPrimary, idx(0), odd, 3, &helper) ==
        RedStuffStatus::kWrongSliverSize);
  CHECK(helper.n_shards() == 0);
  REQUIRE(RecoveryHelper::make(params, SliverAxis::kPrimary, idx(6), sliver, 4, &helper) ==
          RedStuffStatus::kOk);
  CHECK(helper.n_shards() == 7);
  CHECK(helper.expanded().size() == 7 * 4);
  RecoverySymbolEvaluator evaluator;
  CHECK(RecoverySymbolEvaluator::make(params, SliverAxis::kSecondary, sliver, 4, &evaluator) ==
        RedStuffStatus::kWrongSliverSize);
}
