// Recovery planning and two-phase recovery: the recoverability rule at the exact thresholds, the
// plan for every kind of loss, and a whole two-phase repair really executed at small n.
#include "codec/recovery_plan.hpp"

#include <doctest/doctest.h>

#include <random>

#include "codec/recovery_decoder.hpp"
#include "codec/recovery_test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

SliverIndex idx(std::size_t i) { return static_cast<SliverIndex>(i); }
SliverPairIndex pair_idx(std::size_t i) { return static_cast<SliverPairIndex>(i); }

SliverAvailability lose_pairs(std::size_t n, const std::vector<std::size_t>& lost) {
  SliverAvailability availability = SliverAvailability::all(n);
  for (const std::size_t p : lost) availability.set_pair(pair_idx(p), false);
  return availability;
}

// Recovers `target` from exactly k helpers chosen at random among the available slivers of the
// orthogonal axis, whose holders serve from the slivers in `store` (the current bytes).
RecoveryStatus recover_from_available(const testing::HelpedBlob& blob,
                                      const SliverAvailability& availability,
                                      const std::vector<Bytes>& store, RecoveryTarget target,
                                      std::size_t helper_count, std::mt19937_64& rng,
                                      Bytes* sliver) {
  const SliverAxis helper_axis = orthogonal(target.axis);
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < availability.n_shards(); ++i) {
    if (availability.available(helper_axis, idx(i))) candidates.push_back(i);
  }
  const auto chosen =
      testing::sample_distinct(rng, candidates.size(), std::min(helper_count, candidates.size()));
  std::vector<RecoverySymbol> symbols;
  for (const std::size_t c : chosen) {
    RecoveryHelper helper;
    REQUIRE(RecoveryHelper::make(blob.params, helper_axis, idx(candidates[c]), store[candidates[c]],
                                 blob.symbol_bytes, &helper) == RedStuffStatus::kOk);
    symbols.push_back(helper.recovery_symbol(target.index));
  }
  RecoveryResult result;
  const RecoveryStatus status =
      recover_sliver(blob.params, blob.encoded.metadata, target, symbols, {}, &result);
  *sliver = std::move(result.sliver);
  return status;
}

// The slivers of `axis` still stored (empty where lost).
std::vector<Bytes> surviving(const testing::HelpedBlob& blob,
                             const SliverAvailability& availability, SliverAxis axis) {
  std::vector<Bytes> out(availability.n_shards());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (availability.available(axis, idx(i))) out[i] = blob.sliver({axis, idx(i)});
  }
  return out;
}

}  // namespace

TEST_CASE("a blob is recoverable exactly while k_p primaries or k_s secondaries remain") {
  const std::size_t n = 10;  // k_p = 4, k_s = 7
  const auto params = *RedStuffParams::make(n);
  std::mt19937_64 rng(60);
  for (std::size_t primaries = 0; primaries <= n; ++primaries) {
    for (std::size_t secondaries = 0; secondaries <= n; ++secondaries) {
      SliverAvailability availability(n);
      for (const std::size_t i : testing::sample_distinct(rng, n, primaries)) {
        availability.set(SliverAxis::kPrimary, idx(i), true);
      }
      for (const std::size_t i : testing::sample_distinct(rng, n, secondaries)) {
        availability.set(SliverAxis::kSecondary, idx(i), true);
      }
      REQUIRE(availability.count(SliverAxis::kPrimary) == primaries);
      REQUIRE(availability.count(SliverAxis::kSecondary) == secondaries);
      CHECK(blob_recoverable(params, availability) == (primaries >= 4 || secondaries >= 7));
      CHECK(recoverable_now(params, availability, {SliverAxis::kSecondary, idx(0)}) ==
            (primaries >= 4));
      CHECK(recoverable_now(params, availability, {SliverAxis::kPrimary, idx(0)}) ==
            (secondaries >= 7));
    }
  }
}

TEST_CASE("pair losses: direct up to n - k_s, two-phase up to 2f, lost beyond") {
  for (const std::size_t n : {4U, 7U, 10U, 13U, 100U}) {
    const auto params = *RedStuffParams::make(n);
    const std::size_t f = params.max_faulty();
    const std::size_t k_s = params.secondary_source_symbols();
    std::mt19937_64 rng(n);
    for (std::size_t lost = 1; lost <= 2 * f + 1; ++lost) {
      const auto pairs = testing::sample_distinct(rng, n, lost);
      const SliverAvailability availability = lose_pairs(n, pairs);
      const PairRecoveryPlan plan = plan_pair_recovery(params, availability, pair_idx(pairs[0]));
      const RecoveryTarget secondary{SliverAxis::kSecondary, idx(n - 1 - pairs[0])};
      const RecoveryTarget primary{SliverAxis::kPrimary, idx(pairs[0])};
      if (lost <= n - k_s) {
        CHECK(plan.kind == PairRecoveryKind::kDirect);
        CHECK(plan.now == std::vector<RecoveryTarget>{secondary, primary});
        CHECK(!plan.later);
      } else if (lost <= 2 * f) {
        CHECK(plan.kind == PairRecoveryKind::kTwoPhase);
        CHECK(plan.now == std::vector<RecoveryTarget>{secondary});
        REQUIRE(plan.later);
        CHECK(*plan.later == primary);
        // Secondaries: n - lost, plus this node's own once rebuilt; k_s are needed.
        CHECK(plan.helpers_short == std::max<std::size_t>(k_s, n - lost + 1) - (n - lost + 1));
      } else {
        CHECK(plan.kind == PairRecoveryKind::kUnrecoverable);
        CHECK(!blob_recoverable(params, availability));
      }
      CHECK(plan_pair_recovery(params, availability, pair_idx(0)).kind ==
            (availability.available(SliverAxis::kPrimary, idx(0))
                 ? PairRecoveryKind::kNothingMissing
                 : plan.kind));
    }
  }
}

TEST_CASE("single-sliver losses and primary-first plans") {
  const std::size_t n = 10;  // k_p = 4, k_s = 7
  const auto params = *RedStuffParams::make(n);
  SliverAvailability availability = SliverAvailability::all(n);
  availability.set(SliverAxis::kPrimary, idx(3), false);
  auto plan = plan_pair_recovery(params, availability, pair_idx(3));
  CHECK(plan.kind == PairRecoveryKind::kDirect);
  CHECK(plan.now == std::vector<RecoveryTarget>{{SliverAxis::kPrimary, idx(3)}});
  // Only 6 secondaries left: pair 3's primary waits for other nodes to rebuild one.
  for (const std::size_t j : {0U, 1U, 2U, 4U})
    availability.set(SliverAxis::kSecondary, idx(j), false);
  plan = plan_pair_recovery(params, availability, pair_idx(3));
  CHECK(plan.kind == PairRecoveryKind::kWaitForHelpers);
  CHECK(plan.now.empty());
  CHECK(plan.later == RecoveryTarget{SliverAxis::kPrimary, idx(3)});
  CHECK(plan.helpers_short == 1);
  // Three primaries and nine secondaries: a pair missing both rebuilds its primary first.
  availability = SliverAvailability::all(n);
  for (const std::size_t i : {0U, 1U, 2U, 4U, 5U, 6U, 7U}) {
    availability.set(SliverAxis::kPrimary, idx(i), false);
  }
  availability.set(SliverAxis::kSecondary, idx(n - 1 - 5), false);
  plan = plan_pair_recovery(params, availability, pair_idx(5));
  CHECK(plan.kind == PairRecoveryKind::kTwoPhase);
  CHECK(plan.now == std::vector<RecoveryTarget>{{SliverAxis::kPrimary, idx(5)}});
  CHECK(plan.later == RecoveryTarget{SliverAxis::kSecondary, idx(n - 1 - 5)});
  CHECK(plan.helpers_short == 0);  // 3 primaries + its own = k_p
}

TEST_CASE("two-phase recovery at the exact threshold restores every lost pair byte for byte") {
  for (const std::size_t n : {7U, 10U, 13U}) {
    const auto blob = testing::make_helped_blob(n, testing::seeded_blob(45 * n, 70 + n));
    const auto& params = blob.params;
    const std::size_t f = params.max_faulty();
    std::mt19937_64 rng(70 + n);
    const auto lost = testing::sample_distinct(rng, n, 2 * f);  // leaves exactly k_p pairs
    SliverAvailability availability = lose_pairs(n, lost);
    const std::vector<Bytes> primaries = surviving(blob, availability, SliverAxis::kPrimary);
    std::vector<Bytes> secondaries = surviving(blob, availability, SliverAxis::kSecondary);
    // Phase 1: every lost secondary from exactly k_p surviving primaries.
    for (const std::size_t p : lost) {
      const PairRecoveryPlan plan = plan_pair_recovery(params, availability, pair_idx(p));
      REQUIRE(plan.kind == PairRecoveryKind::kTwoPhase);
      const RecoveryTarget target = plan.now.at(0);
      REQUIRE(target.axis == SliverAxis::kSecondary);
      REQUIRE(recover_from_available(blob, availability, primaries, target,
                                     params.primary_source_symbols(), rng,
                                     &secondaries[to_size(target.index)]) == RecoveryStatus::kOk);
      CHECK(secondaries[to_size(target.index)] == blob.sliver(target));
    }
    for (const std::size_t p : lost) availability.set(SliverAxis::kSecondary, idx(n - 1 - p), true);
    // Phase 2: every lost primary from exactly k_s secondaries, rebuilt ones included.
    for (const std::size_t p : lost) {
      const PairRecoveryPlan plan = plan_pair_recovery(params, availability, pair_idx(p));
      REQUIRE(plan.kind == PairRecoveryKind::kDirect);
      const RecoveryTarget target = plan.now.at(0);
      Bytes rebuilt;
      REQUIRE(recover_from_available(blob, availability, secondaries, target,
                                     params.secondary_source_symbols(), rng,
                                     &rebuilt) == RecoveryStatus::kOk);
      CHECK(rebuilt == blob.sliver(target));
      // One helper fewer fails cleanly.
      CHECK(recover_from_available(blob, availability, secondaries, target,
                                   params.secondary_source_symbols() - 1, rng,
                                   &rebuilt) == RecoveryStatus::kTooFewSymbols);
    }
  }
}

TEST_CASE("one pair beyond 2f lost: no plan and too few helpers for any sliver") {
  const std::size_t n = 10;
  const auto blob = testing::make_helped_blob(n, testing::seeded_blob(500, 80));
  std::mt19937_64 rng(80);
  const auto lost = testing::sample_distinct(rng, n, 2 * blob.params.max_faulty() + 1);
  const SliverAvailability availability = lose_pairs(n, lost);
  std::vector<Bytes> primaries(n);
  for (std::size_t i = 0; i < n; ++i) primaries[i] = blob.sliver({SliverAxis::kPrimary, idx(i)});
  for (const std::size_t p : lost) {
    CHECK(plan_pair_recovery(blob.params, availability, pair_idx(p)).kind ==
          PairRecoveryKind::kUnrecoverable);
    Bytes rebuilt;
    CHECK(recover_from_available(blob, availability, primaries,
                                 {SliverAxis::kSecondary, idx(n - 1 - p)}, n, rng,
                                 &rebuilt) == RecoveryStatus::kTooFewSymbols);
  }
}
