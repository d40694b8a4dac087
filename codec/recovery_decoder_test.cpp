// The recovering side: every sliver of every pair recovers byte-identically from any threshold-size
// set of helpers at small n and one helper fewer fails cleanly; bad symbols are rejected and
// replaced; a lying helper cannot make a wrong sliver pass; malformed input gives statuses.
#include "codec/recovery_decoder.hpp"

#include <doctest/doctest.h>

#include <random>

#include "codec/recovery_test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

SliverIndex idx(std::size_t i) { return static_cast<SliverIndex>(i); }

RecoveryStatus recover(const testing::HelpedBlob& blob, RecoveryTarget target,
                       const std::vector<RecoverySymbol>& symbols, RecoveryResult* result,
                       RecoveryOptions options = {}) {
  return recover_sliver(blob.params, blob.encoded.metadata, target, symbols, options, result);
}

// Both slivers of every pair from every k-subset of helpers; every (k-1)-subset fails.
void check_every_subset(std::size_t n) {
  const auto blob = testing::make_helped_blob(n, testing::seeded_blob(37 * n + 1, n));
  std::size_t recoveries = 0;
  for (std::size_t p = 0; p < n; ++p) {
    for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
      const RecoveryTarget target{
          axis, blob.params.sliver_of_pair(static_cast<SliverPairIndex>(p), axis)};
      const Bytes want = blob.sliver(target);
      const std::size_t k = blob.params.symbols_per_sliver(axis);
      testing::for_each_subset(n, k, [&](const std::vector<std::size_t>& helpers) {
        RecoveryResult result;
        REQUIRE(recover(blob, target, blob.symbols(target, helpers), &result) ==
                RecoveryStatus::kOk);
        REQUIRE(result.sliver == want);
        REQUIRE(result.used.size() == k);
        REQUIRE(result.rejected == 0);
        ++recoveries;
      });
      testing::for_each_subset(n, k - 1, [&](const std::vector<std::size_t>& helpers) {
        RecoveryResult result;
        REQUIRE(recover(blob, target, blob.symbols(target, helpers), &result) ==
                RecoveryStatus::kTooFewSymbols);
        REQUIRE(result.sliver.empty());
        REQUIRE(result.used.empty());
        REQUIRE(!result.inconsistency);
      });
    }
  }
  CHECK(recoveries > 2 * n);
}

}  // namespace

TEST_CASE("every pair recovers from every threshold-size helper set at n = 4, 7, 10") {
  for (const std::size_t n : {4U, 7U, 10U}) check_every_subset(n);
}

TEST_CASE("random loss patterns at the exact thresholds recover every pair at n = 13 and 31") {
  for (const std::size_t n : {13U, 31U}) {
    const auto blob = testing::make_helped_blob(n, testing::seeded_blob(90 * n, n));
    std::mt19937_64 rng(n);
    for (std::size_t p = 0; p < n; ++p) {
      for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
        const RecoveryTarget target{
            axis, blob.params.sliver_of_pair(static_cast<SliverPairIndex>(p), axis)};
        const std::size_t k = blob.params.symbols_per_sliver(axis);
        for (int trial = 0; trial < 4; ++trial) {
          // Helpers that survive: exactly k (succeeds) or k - 1 (fails), in random order.
          const auto survivors = testing::sample_distinct(rng, n, k);
          RecoveryResult result;
          REQUIRE(recover(blob, target, blob.symbols(target, survivors), &result) ==
                  RecoveryStatus::kOk);
          REQUIRE(result.sliver == blob.sliver(target));
          const std::vector<std::size_t> fewer(survivors.begin(), survivors.end() - 1);
          REQUIRE(recover(blob, target, blob.symbols(target, fewer), &result) ==
                  RecoveryStatus::kTooFewSymbols);
        }
      }
    }
  }
}

TEST_CASE("a corrupted recovery symbol is rejected by its proof and replaced by another helper's") {
  const std::size_t n = 10;
  const auto blob = testing::make_helped_blob(n, testing::seeded_blob(3000, 21));
  std::mt19937_64 rng(21);
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    for (std::size_t t = 0; t < n; ++t) {
      const RecoveryTarget target{axis, idx(t)};
      const std::size_t k = blob.params.symbols_per_sliver(axis);
      const auto helpers = testing::sample_distinct(rng, n, k + 1);
      std::vector<RecoverySymbol> symbols = blob.symbols(target, helpers);
      const std::size_t bad = testing::uniform_below(rng, k);
      symbols[bad].data[testing::uniform_below(rng, blob.symbol_bytes)] ^= 0x10;
      RecoveryResult result;
      REQUIRE(recover(blob, target, symbols, &result) == RecoveryStatus::kOk);
      CHECK(result.sliver == blob.sliver(target));
      CHECK(result.verdicts[bad] == SymbolVerdict::kBadProof);
      CHECK(result.rejected == 1);
      CHECK(result.used.size() == k);
      CHECK(result.used.back() == k);  // the spare helper took the bad one's place
      // Without the spare the same set is one valid symbol short.
      symbols.pop_back();
      CHECK(recover(blob, target, symbols, &result) == RecoveryStatus::kTooFewSymbols);
      CHECK(result.verdicts[bad] == SymbolVerdict::kBadProof);
    }
  }
}

TEST_CASE("a corrupted helper sliver cannot make a wrong sliver pass") {
  const std::size_t n = 13;
  const auto blob = testing::make_helped_blob(n, testing::seeded_blob(4000, 22));
  std::mt19937_64 rng(22);
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    const SliverAxis helper_axis = orthogonal(axis);
    const std::size_t k = blob.params.symbols_per_sliver(axis);
    for (int trial = 0; trial < 8; ++trial) {
      const RecoveryTarget target{axis, idx(testing::uniform_below(rng, n))};
      const auto helpers = testing::sample_distinct(rng, n, k + 1);
      const std::size_t liar_slot = testing::uniform_below(rng, k);
      const std::size_t liar = helpers[liar_slot];
      Bytes stored = blob.encoded.expanded.sliver(helper_axis, idx(liar));
      stored[testing::uniform_below(rng, stored.size())] ^= 0x01;
      RecoveryHelper lying;
      REQUIRE(RecoveryHelper::make(blob.params, helper_axis, idx(liar), stored, blob.symbol_bytes,
                                   &lying) == RedStuffStatus::kOk);
      std::vector<RecoverySymbol> symbols = blob.symbols(target, helpers);
      symbols[liar_slot] = lying.recovery_symbol(target.index);
      RecoveryResult result;
      const RecoveryStatus status = recover(blob, target, symbols, &result);
      // Whether or not the corrupt byte reaches this symbol, the lying helper's tree has another
      // root, so its proof fails and the spare helper takes its place.
      CHECK(result.verdicts[liar_slot] == SymbolVerdict::kBadProof);
      REQUIRE(status == RecoveryStatus::kOk);
      CHECK(result.sliver == blob.sliver(target));
      symbols.pop_back();
      CHECK(recover(blob, target, symbols, &result) == RecoveryStatus::kTooFewSymbols);
      CHECK(result.sliver.empty());
    }
  }
}

TEST_CASE("duplicates, wrong sizes, targets and axes are reported per symbol") {
  const auto blob = testing::make_helped_blob(7, testing::seeded_blob(800, 23));
  const RecoveryTarget target{SliverAxis::kSecondary, idx(2)};  // k_p = 3 primary helpers
  std::vector<RecoverySymbol> symbols = blob.symbols(target, {0, 0, 1, 2, 3, 4, 5});
  symbols[2].data.resize(symbols[2].data.size() + 2);
  symbols[3].target_index = idx(1);
  symbols[4] = blob.secondary_helpers[4].recovery_symbol(idx(2));
  RecoveryResult result;
  REQUIRE(recover(blob, target, symbols, &result) == RecoveryStatus::kOk);
  CHECK(result.verdicts ==
        std::vector<SymbolVerdict>{SymbolVerdict::kValid, SymbolVerdict::kDuplicateHelper,
                                   SymbolVerdict::kWrongSize, SymbolVerdict::kWrongTarget,
                                   SymbolVerdict::kWrongAxis, SymbolVerdict::kValid,
                                   SymbolVerdict::kValid});
  CHECK(result.used == std::vector<std::size_t>{0, 5, 6});
  CHECK(result.rejected == 4);
  CHECK(result.sliver == blob.sliver(target));
}

TEST_CASE("batched symbol checks give each symbol the verdict of its own check") {
  const auto blob = testing::make_helped_blob(13, testing::seeded_blob(3000, 26));
  const RecoveryTarget target{SliverAxis::kPrimary, idx(11)};
  std::vector<RecoverySymbol> symbols = blob.symbols(target, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  symbols[1].data[0] ^= 1;                             // bad proof
  symbols[2].proof.path.front().digest[3] ^= 1;        // bad proof
  symbols[3].proof.path.pop_back();                    // index no longer fits: bad proof
  symbols[4].data.resize(symbols[4].data.size() + 2);  // wrong size
  symbols[5].target_index = idx(1);                    // wrong target
  symbols[6].helper_index = idx(13);                   // invalid helper
  const std::size_t s = recovery_symbol_bytes(blob.params, blob.encoded.metadata);
  std::vector<const RecoverySymbol*> pointers;
  for (const RecoverySymbol& symbol : symbols) pointers.push_back(&symbol);
  std::vector<SymbolVerdict> batched(symbols.size());
  check_recovery_symbols(blob.params, blob.encoded.metadata, s, target, pointers, batched.data());
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    CAPTURE(i);
    CHECK(batched[i] ==
          check_recovery_symbol(blob.params, blob.encoded.metadata, s, target, symbols[i]));
  }
  CHECK(batched[0] == SymbolVerdict::kValid);
  CHECK(batched[1] == SymbolVerdict::kBadProof);
  CHECK(batched[3] == SymbolVerdict::kBadProof);
  CHECK(batched[9] == SymbolVerdict::kValid);
}

TEST_CASE("symbols after the first k valid ones are examined only on request") {
  const auto blob = testing::make_helped_blob(7, testing::seeded_blob(600, 24));
  const RecoveryTarget target{SliverAxis::kSecondary, idx(6)};
  std::vector<RecoverySymbol> symbols = blob.symbols(target, {6, 5, 4, 3, 2});
  symbols[4].data[0] ^= 1;
  RecoveryResult result;
  REQUIRE(recover(blob, target, symbols, &result) == RecoveryStatus::kOk);
  CHECK(result.verdicts[3] == SymbolVerdict::kUnchecked);
  CHECK(result.verdicts[4] == SymbolVerdict::kUnchecked);
  CHECK(result.rejected == 0);
  REQUIRE(recover(blob, target, symbols, &result, {.check_all_symbols = true}) ==
          RecoveryStatus::kOk);
  CHECK(result.verdicts[3] == SymbolVerdict::kValid);
  CHECK(result.verdicts[4] == SymbolVerdict::kBadProof);
  CHECK(result.rejected == 1);
  CHECK(result.used == std::vector<std::size_t>{0, 1, 2});
  CHECK(result.sliver == blob.sliver(target));
}

TEST_CASE("invalid targets and foreign metadata are statuses") {
  const auto blob = testing::make_helped_blob(7, testing::seeded_blob(100, 25));
  const auto symbols = blob.symbols({SliverAxis::kPrimary, idx(0)}, {0, 1, 2, 3, 4});
  RecoveryResult result;
  CHECK(recover(blob, {SliverAxis::kPrimary, idx(7)}, symbols, &result) ==
        RecoveryStatus::kInvalidTarget);
  BlobMetadata other = blob.encoded.metadata;
  other.hashes.pop_back();
  CHECK(recover_sliver(blob.params, other, {SliverAxis::kPrimary, idx(0)}, symbols, {}, &result) ==
        RecoveryStatus::kMetadataMismatch);
  CHECK(recover_sliver(*RedStuffParams::make(8), blob.encoded.metadata,
                       {SliverAxis::kPrimary, idx(0)}, symbols, {},
                       &result) == RecoveryStatus::kMetadataMismatch);
  CHECK(result.verdicts.empty());
  CHECK(recover(blob, {SliverAxis::kPrimary, idx(0)}, {}, &result) ==
        RecoveryStatus::kTooFewSymbols);
}

TEST_CASE("a pair recovers at n = 1000 from random helpers, byte-identical") {
  const std::size_t n = 1000;
  const auto params = *RedStuffParams::make(n);
  EncodedBlob encoded;
  REQUIRE(encode_blob(params, testing::seeded_blob(70000, 26), 0, &encoded) == RedStuffStatus::kOk);
  std::mt19937_64 rng(26);
  const SliverPairIndex pair{617};
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    const RecoveryTarget target{axis, params.sliver_of_pair(pair, axis)};
    const std::vector<RecoverySymbol> symbols = testing::symbols_from(
        params, encoded, target, testing::sample_distinct(rng, n, params.symbols_per_sliver(axis)));
    RecoveryResult result;
    REQUIRE(recover_sliver(params, encoded.metadata, target, symbols, {}, &result) ==
            RecoveryStatus::kOk);
    CHECK(result.sliver == encoded.expanded.sliver(axis, target.index));
  }
}
