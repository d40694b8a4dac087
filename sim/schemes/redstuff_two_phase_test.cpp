// RedStuff thresholds at small n (7, 10, 13): up to f lost shards repair directly, up to 2f in
// two phases (secondaries first, kPartial in between), 2f + 1 lose the blob; helpers that are down
// make a repair wait. Every rebuilt unit is byte-identical to a fresh encode.
#include <doctest/doctest.h>

#include <initializer_list>

#include <algorithm>
#include <numeric>

#include "sim/kernel/trace_digest.hpp"
#include "sim/schemes/redstuff_roles.hpp"
#include "sim/schemes/redstuff_scheme.hpp"
#include "sim/schemes/scheme_test_support.hpp"

namespace sliversim::schemes {
namespace {

using model::BlobIndex;
using model::ShardId;

constexpr BlobIndex kBlob{3};

struct Small {
  std::size_t n;
  std::size_t f;
  std::unique_ptr<RedStuffScheme> scheme;
  UnitStore store;
  codec::EncodedBlob fresh;

  explicit Small(std::size_t shards, std::size_t blob_bytes = 777)
      : n(shards), f((shards - 1) / 3), scheme(RedStuffScheme::make(shards, {})), store(shards) {
    const std::vector<std::uint8_t> blob = test::blob_bytes(blob_bytes, shards);
    scheme->encode(kBlob, blob, store);
    REQUIRE(codec::encode_blob(scheme->params(), blob, 1, &fresh) == codec::RedStuffStatus::kOk);
  }
  void lose(const std::vector<ShardId>& shards) {
    for (const ShardId s : shards) store.erase(kBlob, s);
  }
  void check_restored() const {
    for (std::size_t i = 0; i < n; ++i) {
      const ShardId shard = model::id_at<ShardId>(i);
      CHECK(store.state(kBlob, shard) == UnitState::kValid);
      CHECK(test::held(store, kBlob, shard) == test::expected_redstuff_unit(fresh, shard));
    }
  }
};

// `count` distinct shards of n, chosen by `seed` (seed 0: the first `count`).
std::vector<ShardId> some_shards(std::size_t n, std::size_t count, std::uint64_t seed) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = n; seed != 0 && i > 1; --i) {  // Fisher-Yates with mix64 draws
    std::swap(order[i - 1], order[kernel::mix64(seed * 1000 + i) % i]);
  }
  std::vector<ShardId> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(model::id_at<ShardId>(order[i]));
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("up to f lost shards are rebuilt directly in one round") {
  for (const std::size_t n : std::initializer_list<std::size_t>{7, 10, 13}) {
    for (const std::uint64_t seed : std::initializer_list<std::uint64_t>{0, 1, 2}) {
      CAPTURE(n);
      CAPTURE(seed);
      Small fx(n);
      const std::vector<ShardId> lost = some_shards(n, fx.f, seed);
      fx.lose(lost);
      const test::LoopStats stats = test::repair_loop(*fx.scheme, fx.store, kBlob, lost, true);
      CHECK(stats.rebuilt == fx.f);
      CHECK(stats.partial == 0);
      fx.check_restored();
    }
  }
}

TEST_CASE("2f lost shards: every pair is recovered, secondaries first") {
  for (const std::size_t n : std::initializer_list<std::size_t>{7, 10, 13}) {
    for (const std::uint64_t seed : std::initializer_list<std::uint64_t>{0, 1, 2, 3}) {
      for (const bool batched : {true, false}) {
        CAPTURE(n);
        CAPTURE(seed);
        CAPTURE(batched);
        Small fx(n);
        const std::vector<ShardId> lost = some_shards(n, 2 * fx.f, seed);
        fx.lose(lost);
        const test::LoopStats stats = test::repair_loop(*fx.scheme, fx.store, kBlob, lost, batched);
        CHECK(stats.unrecoverable == 0);
        CHECK(stats.rebuilt == 2 * fx.f);
        CHECK(stats.partial > 0);
        if (batched) {
          // k_p pairs left: every secondary is recoverable, no primary until the secondaries are.
          CHECK(stats.partial == 2 * fx.f);
        }
        fx.check_restored();
      }
    }
  }
}

TEST_CASE("2f + 1 lost shards: every repair is planned unrecoverable") {
  for (const std::size_t n : std::initializer_list<std::size_t>{7, 10, 13}) {
    CAPTURE(n);
    Small fx(n);
    const std::vector<ShardId> lost = some_shards(n, 2 * fx.f + 1, 5);
    fx.lose(lost);
    for (const ShardId t : lost) {
      CHECK(fx.scheme->plan_repair(kBlob, t, test::availability(fx.store, kBlob)).kind ==
            PlanKind::kUnrecoverable);
    }
    // Down is not lost: with the same shards merely unreachable the blob waits.
    Small up(n);
    const ShardId target = lost.front();
    up.lose({target});
    std::vector<ShardAvailability> shards = test::availability(up.store, kBlob);
    for (const ShardId s : lost) shards[model::index_of(s)].reachable = s == target;
    CHECK(up.scheme->plan_repair(kBlob, target, shards).kind == PlanKind::kWait);
  }
}

TEST_CASE(
    "the primary first, when partial units leave primaries short and its own completes them") {
  // n = 7 (k_p = 3, k_s = 5): three intact pairs (one down), three kPartial units, one empty
  // target. Reachable: 2 primaries, 5 secondaries. The target rebuilds its primary from 5
  // secondaries, then its secondary from 2 remote primaries and its own.
  Small fx(7);
  const std::vector<ShardId> partial = {ShardId{1}, ShardId{2}, ShardId{3}};
  const ShardId target{0};
  const ShardId down{6};
  const codec::RedStuffParams& params = fx.scheme->params();
  const std::size_t s = fx.scheme->symbol_bytes(kBlob);
  for (const ShardId p : partial) {
    const std::vector<std::uint8_t> unit = test::held(fx.store, kBlob, p);
    fx.store.put(
        kBlob, p,
        std::vector<std::uint8_t>(unit.begin() + static_cast<std::ptrdiff_t>(5 * s), unit.end()),
        UnitState::kPartial);
  }
  fx.lose({target});
  std::vector<ShardAvailability> shards = test::availability(fx.store, kBlob);
  shards[model::index_of(down)].reachable = false;
  const RepairPlan plan = fx.scheme->plan_repair(kBlob, target, shards);
  REQUIRE(plan.kind == PlanKind::kRepair);
  std::uint64_t symbols = 0;
  for (const HelperPart& part : plan.helpers) symbols += part.bytes[ByteCategory::kSymbols];
  CHECK(symbols == (params.secondary_source_symbols() + params.primary_source_symbols() - 1) * s);
  const RepairRequest request{target, &plan};
  CHECK(fx.scheme->execute_repairs(kBlob, {&request, 1}, fx.store).at(0).outcome ==
        RepairOutcome::kRebuilt);
  CHECK(test::held(fx.store, kBlob, target) == test::expected_redstuff_unit(fx.fresh, target));
}

TEST_CASE("a repair waits while too few helpers are reachable and runs when they return") {
  Small fx(10);  // k_p = 4, k_s = 7
  const ShardId target{4};
  fx.lose({target});
  std::vector<ShardAvailability> shards = test::availability(fx.store, kBlob);
  for (std::size_t i = 0; i < 7; ++i) shards[i].reachable = i == 4;  // 3 remote helpers left
  CHECK(fx.scheme->plan_repair(kBlob, target, shards).kind == PlanKind::kWait);
  const std::vector<ShardId> lost = {target};
  const test::LoopStats stats = test::repair_loop(*fx.scheme, fx.store, kBlob, lost, true);
  CHECK(stats.rebuilt == 1);
  fx.check_restored();
}

TEST_CASE("helpers are reachable, honest, and answer only from slivers their unit holds") {
  Small fx(13);  // k_p = 5, k_s = 9
  const std::size_t s = fx.scheme->symbol_bytes(kBlob);
  const std::vector<std::uint8_t> unit = test::held(fx.store, kBlob, ShardId{2});
  fx.store.put(
      kBlob, ShardId{2},
      std::vector<std::uint8_t>(unit.begin() + static_cast<std::ptrdiff_t>(9 * s), unit.end()),
      UnitState::kPartial);
  fx.store.corrupt(kBlob, ShardId{5}, 1);  // looks valid until checked
  const ShardId target{0};
  fx.lose({target, ShardId{11}});
  std::vector<ShardAvailability> shards = test::availability(fx.store, kBlob);
  shards[7].reachable = false;
  shards[9].honest = false;
  const RepairPlan plan = fx.scheme->plan_repair(kBlob, target, shards);
  REQUIRE(plan.kind == PlanKind::kRepair);
  std::size_t for_secondary = 0;
  std::size_t for_primary = 0;
  for (const HelperPart& part : plan.helpers) {
    const std::size_t i = model::index_of(part.helper);
    CHECK(i != 0);
    CHECK(i != 7);
    CHECK(i != 9);
    CHECK(i != 11);
    const bool secondary = (part.role & redstuff::kRoleForSecondary) != 0;
    for_secondary += secondary ? 1 : 0;
    for_primary += (part.role & redstuff::kRoleForPrimary) != 0 ? 1 : 0;
    if (i == 2) CHECK_FALSE(secondary);  // a kPartial unit has no primary sliver
  }
  CHECK(for_secondary == 5);
  CHECK(for_primary == 9);
}

}  // namespace
}  // namespace sliversim::schemes
