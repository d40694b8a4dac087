// Batched helpers: every symbol and proof equals what a RecoveryHelper per sliver gives, for any
// thread count and block shape; malformed input gives statuses.
#include "codec/recovery_helper_batch.hpp"

#include <doctest/doctest.h>

#include <random>

#include "codec/recovery_helper.hpp"
#include "codec/recovery_test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

SliverIndex idx(std::size_t i) { return static_cast<SliverIndex>(i); }

// Serves `targets` from helpers with random slivers, batched and one by one, and compares.
void check_same_as_single(std::size_t n, SliverAxis axis, std::size_t s, std::size_t helper_count,
                          std::uint64_t seed) {
  const auto params = *RedStuffParams::make(n);
  std::mt19937_64 rng(seed);
  const std::size_t k = params.symbols_per_sliver(axis);
  std::vector<Bytes> slivers;
  std::vector<HelperSliver> helpers;
  for (std::size_t h = 0; h < helper_count; ++h)
    slivers.push_back(testing::random_bytes(rng, k * s));
  for (std::size_t h = 0; h < helper_count; ++h) {
    helpers.push_back({idx(testing::uniform_below(rng, n)), slivers[h]});
  }
  std::vector<SliverIndex> targets;
  for (const std::size_t t : testing::sample_distinct(rng, n, std::min<std::size_t>(n, 3))) {
    targets.push_back(idx(t));
  }
  std::vector<RecoverySymbol> expected;
  for (const HelperSliver& h : helpers) {
    RecoveryHelper single;
    REQUIRE(RecoveryHelper::make(params, axis, h.index, h.data, s, &single) == RedStuffStatus::kOk);
    for (const SliverIndex t : targets) expected.push_back(single.recovery_symbol(t));
  }
  for (const std::size_t threads : {1U, 2U, 3U}) {
    std::vector<RecoverySymbol> batched;
    REQUIRE(serve_recovery_symbols(params, axis, helpers, s, targets, threads, &batched) ==
            RedStuffStatus::kOk);
    REQUIRE(batched.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) REQUIRE(batched[i] == expected[i]);
  }
}

}  // namespace

TEST_CASE("batched helpers give the single helpers' symbols and proofs") {
  std::uint64_t seed = 1;
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    for (const std::size_t n : {4U, 13U, 100U}) {
      for (const std::size_t s : {2U, 6U, 302U}) {
        check_same_as_single(n, axis, s, 1 + (seed * 7) % 40, seed);
        ++seed;
      }
    }
    // Large symbols: one helper per block.
    check_same_as_single(31, axis, 40000, 3, seed++);
  }
}

TEST_CASE("batched helpers refuse malformed input and serve nothing from nobody") {
  const auto params = *RedStuffParams::make(7);  // k_s = 5, k_p = 3
  const Bytes primary(5 * 4, 9);
  std::vector<RecoverySymbol> out(1);
  const std::vector<SliverIndex> targets{idx(0), idx(6)};
  auto serve = [&](std::vector<HelperSliver> helpers, std::size_t s,
                   std::vector<SliverIndex> which) {
    return serve_recovery_symbols(params, SliverAxis::kPrimary, helpers, s, which, 1, &out);
  };
  CHECK(serve({{idx(7), primary}}, 4, targets) == RedStuffStatus::kInvalidSliverIndex);
  CHECK(serve({{idx(1), primary}}, 4, {idx(7)}) == RedStuffStatus::kInvalidSliverIndex);
  CHECK(serve({{idx(1), primary}}, 2, targets) == RedStuffStatus::kWrongSliverSize);
  CHECK(serve({{idx(1), primary}}, 0, targets) == RedStuffStatus::kWrongSliverSize);
  CHECK(serve_recovery_symbols(params, SliverAxis::kSecondary,
                               std::vector<HelperSliver>{{idx(1), primary}}, 4, targets, 1,
                               &out) == RedStuffStatus::kWrongSliverSize);
  CHECK(out.size() == 1);
  CHECK(serve({}, 4, targets) == RedStuffStatus::kOk);
  CHECK(out.empty());
  CHECK(serve({{idx(2), primary}, {idx(3), primary}}, 4, {}) == RedStuffStatus::kOk);
  CHECK(out.empty());
}
