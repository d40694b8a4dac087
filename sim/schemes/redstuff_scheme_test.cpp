// The RedStuff scheme at n = 1000 and below: unit layout, the exact bytes of a plan (payload,
// proofs, metadata, against recovery_cost's closed forms, REDSTUFF.md's sizes and the real
// symbols), byte-identical rebuilds, lying helpers, and results that do not depend on the cache
// or the thread count.
#include "sim/schemes/redstuff_scheme.hpp"

#include <doctest/doctest.h>

#include <initializer_list>

#include <algorithm>
#include <set>

#include "codec/blob_id.hpp"
#include "codec/recovery_cost.hpp"
#include "codec/recovery_helper_batch.hpp"
#include "codec/wire_sizes.hpp"
#include "sim/schemes/redstuff_helper_cache.hpp"
#include "sim/schemes/redstuff_roles.hpp"
#include "sim/schemes/scheme_test_support.hpp"

namespace sliversim::schemes {
namespace {

using codec::SliverAxis;
using model::BlobIndex;
using model::ShardId;

constexpr BlobIndex kBlob{0};

struct Fixture {
  std::unique_ptr<RedStuffScheme> scheme;
  UnitStore store;
  codec::EncodedBlob fresh;  // an independent encode of the same bytes

  Fixture(std::size_t n, std::size_t blob_bytes, RedStuffOptions options = {})
      : scheme(RedStuffScheme::make(n, options)), store(n) {
    const std::vector<std::uint8_t> blob = test::blob_bytes(blob_bytes, blob_bytes + n);
    scheme->encode(kBlob, blob, store);
    REQUIRE(codec::encode_blob(scheme->params(), blob, 2, &fresh) == codec::RedStuffStatus::kOk);
  }
  std::vector<std::uint8_t> expected_unit(ShardId shard) const {
    return test::expected_redstuff_unit(fresh, shard);
  }
  std::vector<std::uint8_t> held(ShardId shard) const { return test::held(store, kBlob, shard); }
  ShardId shard_of_pair(std::size_t p) const {
    const std::size_t n = scheme->params().n_shards();
    return model::id_at<ShardId>(codec::to_size(
        codec::shard_for_pair(fresh.blob_id, static_cast<codec::SliverPairIndex>(p), n)));
  }
};

ByteCounts sum(const RepairPlan& plan) {
  ByteCounts total;
  for (const HelperPart& part : plan.helpers) {
    for (std::size_t c = 0; c < kByteCategories; ++c) {
      total.by_category[c] += part.bytes.by_category[c];
    }
  }
  return total;
}

TEST_CASE("each shard stores its rotated pair: primary p then secondary n-1-p") {
  Fixture fx(13, 1234);
  const codec::RedStuffParams& params = fx.scheme->params();
  const std::size_t s = fx.fresh.expanded.symbol_bytes();
  CHECK(fx.scheme->blob_id(kBlob) == fx.fresh.blob_id);
  CHECK(fx.scheme->metadata(kBlob) == fx.fresh.metadata);
  CHECK(fx.scheme->symbol_bytes(kBlob) == s);
  CHECK(fx.scheme->read_threshold() == 5);
  for (std::size_t i = 0; i < 13; ++i) {
    const ShardId shard = model::id_at<ShardId>(i);
    CHECK(fx.scheme->pair_of_shard(kBlob, shard) ==
          codec::pair_for_shard(fx.fresh.blob_id, static_cast<codec::ShardIndex>(i), 13));
    CHECK(fx.held(shard) == fx.expected_unit(shard));
    CHECK(fx.scheme->holds_unit(kBlob, shard));
    CHECK(fx.scheme->unit_bytes(kBlob, shard) ==
          (params.primary_source_symbols() + params.secondary_source_symbols()) * s);
  }
  CHECK(fx.scheme->stored_bytes(kBlob) == 13 * 14 * s);  // k_p + k_s = 5 + 9
  CHECK(fx.store.held_bytes() == fx.scheme->stored_bytes(kBlob));
}

// One lost shard at n = 1000: the plan's bytes, the real symbols, the rebuilt unit.
void check_one_lost_shard(std::size_t blob_bytes) {
  CAPTURE(blob_bytes);
  Fixture fx(1000, blob_bytes, {2, true});
  const codec::RedStuffParams& params = fx.scheme->params();
  const std::size_t s = fx.fresh.expanded.symbol_bytes();
  const std::size_t framing = s < 128 ? 6 : 7;
  // Pair 999: its primary's proofs are for leaf 999 (267 B), its secondary's for leaf 0 (331 B).
  const ShardId target = fx.shard_of_pair(999);
  fx.store.erase(kBlob, target);
  std::vector<ShardAvailability> shards = test::availability(fx.store, kBlob);
  const RepairPlan plan = fx.scheme->plan_repair(kBlob, target, shards);
  REQUIRE(plan.kind == PlanKind::kRepair);
  CHECK(plan.fetch_metadata);
  const ByteCounts bytes = sum(plan);
  CHECK(bytes[ByteCategory::kSymbols] == 1001 * s);
  CHECK(bytes[ByteCategory::kProofs] == 667 * (267 + framing) + 334 * (331 + framing));
  CHECK(bytes[ByteCategory::kMetadata] == 66044);  // 66n + 42 + ULEB128(n)
  CHECK(bytes[ByteCategory::kTransfer] + bytes[ByteCategory::kFullBlob] == 0);
  const codec::RecoveryCost closed =
      codec::pair_recovery_cost(params, s, codec::SliverPairIndex{999}, true);
  CHECK(bytes[ByteCategory::kSymbols] == closed.payload_bytes);
  CHECK(bytes[ByteCategory::kProofs] == closed.framing_bytes + closed.proof_bytes);
  CHECK(bytes[ByteCategory::kMetadata] == closed.metadata_bytes);
  // Distinct helpers other than the target: k_p answer the secondary, k_s the primary, each
  // symbol with the proof of its target leaf (999 for the primary, 0 for the secondary).
  std::set<std::size_t> distinct;
  std::size_t for_secondary = 0;
  std::size_t for_primary = 0;
  for (const HelperPart& part : plan.helpers) {
    distinct.insert(model::index_of(part.helper));
    CHECK(part.helper != target);
    const bool secondary = (part.role & redstuff::kRoleForSecondary) != 0;
    const bool primary = (part.role & redstuff::kRoleForPrimary) != 0;
    for_secondary += secondary ? 1 : 0;
    for_primary += primary ? 1 : 0;
    CHECK(part.bytes[ByteCategory::kSymbols] == (secondary + primary) * s);
    CHECK(part.bytes[ByteCategory::kProofs] ==
          (secondary ? 331 + framing : 0) + (primary ? 267 + framing : 0));
  }
  CHECK(for_secondary == 334);
  CHECK(for_primary == 667);
  CHECK(distinct.size() == plan.helpers.size());
  CHECK(plan.helpers.size() == 667);  // every shard holds both slivers: the first k_p answer both
  // The metadata once, and only for a target that lacks it.
  shards[model::index_of(target)].has_metadata = true;
  const RepairPlan with_metadata = fx.scheme->plan_repair(kBlob, target, shards);
  CHECK_FALSE(with_metadata.fetch_metadata);
  CHECK(sum(with_metadata)[ByteCategory::kMetadata] == 0);
  CHECK(sum(with_metadata).total() == bytes.total() - 66044);
  // Rebuilt from real helper bytes, byte-identical to a fresh encode.
  const RepairRequest request{target, &plan};
  const std::vector<RepairResult> results =
      fx.scheme->execute_repairs(kBlob, {&request, 1}, fx.store);
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == RepairOutcome::kRebuilt);
  CHECK(results[0].bad_helpers.empty());
  CHECK(fx.store.state(kBlob, target) == UnitState::kValid);
  CHECK(fx.held(target) == fx.expected_unit(target));
}

TEST_CASE(
    "one lost shard at n = 1000: payload (k_p + k_s)·s, exact proofs and metadata, same unit") {
  // Symbol sizes 2 (the empty blob and 1000 B), 4 and 6.
  for (const std::size_t size : std::initializer_list<std::size_t>{0, 1000, 600000, 1 << 20})
    check_one_lost_shard(size);
}

TEST_CASE("at n = 1000 each helper's planned bytes are what its real recovery symbols weigh") {
  Fixture fx(1000, 300 * 1024, {2, true});
  const codec::RedStuffParams& params = fx.scheme->params();
  const std::size_t s = fx.fresh.expanded.symbol_bytes();
  const ShardId target = model::id_at<ShardId>(417);
  fx.store.erase(kBlob, target);
  const RepairPlan plan =
      fx.scheme->plan_repair(kBlob, target, test::availability(fx.store, kBlob));
  REQUIRE(plan.kind == PlanKind::kRepair);
  const codec::SliverPairIndex p = fx.scheme->pair_of_shard(kBlob, target);
  const codec::SliverIndex primary = params.sliver_of_pair(p, SliverAxis::kPrimary);
  const codec::SliverIndex secondary = params.sliver_of_pair(p, SliverAxis::kSecondary);
  for (std::size_t h = 0; h < plan.helpers.size(); h += 37) {  // a sample of helpers
    const HelperPart& part = plan.helpers[h];
    const codec::SliverPairIndex q = fx.scheme->pair_of_shard(kBlob, part.helper);
    std::uint64_t wire = 0;
    auto serve = [&](SliverAxis axis, codec::SliverIndex target_index) {
      const codec::SliverIndex own = params.sliver_of_pair(q, axis);
      const std::vector<std::uint8_t> sliver = fx.fresh.expanded.sliver(axis, own);
      const codec::HelperSliver helper{own, sliver};
      std::vector<codec::RecoverySymbol> out;
      REQUIRE(codec::serve_recovery_symbols(params, axis, {&helper, 1}, s, {&target_index, 1}, 1,
                                            &out) == codec::RedStuffStatus::kOk);
      wire += out[0].wire_bytes();
    };
    if ((part.role & redstuff::kRoleForSecondary) != 0) serve(SliverAxis::kPrimary, secondary);
    if ((part.role & redstuff::kRoleForPrimary) != 0) serve(SliverAxis::kSecondary, primary);
    CHECK(part.bytes[ByteCategory::kSymbols] + part.bytes[ByteCategory::kProofs] == wire);
  }
}

TEST_CASE("a corrupt helper is named, and the re-plan without it rebuilds the same unit") {
  for (const std::size_t n : std::initializer_list<std::size_t>{100, 1000}) {
    CAPTURE(n);
    Fixture fx(n, 20000);
    const ShardId target = model::id_at<ShardId>(n / 3);
    fx.store.erase(kBlob, target);
    std::vector<ShardAvailability> shards = test::availability(fx.store, kBlob);
    const RepairPlan plan = fx.scheme->plan_repair(kBlob, target, shards);
    REQUIRE(plan.kind == PlanKind::kRepair);
    const ShardId liar = plan.helpers[3].helper;  // answers for both slivers
    fx.store.corrupt(kBlob, liar, 77);
    const RepairRequest request{target, &plan};
    const RepairResult lied = fx.scheme->execute_repairs(kBlob, {&request, 1}, fx.store).at(0);
    CHECK(lied.outcome == RepairOutcome::kHelperLied);
    CHECK(lied.bad_helpers == std::vector<ShardId>{liar});
    CHECK(fx.store.state(kBlob, target) == UnitState::kAbsent);  // both slivers failed
    shards = test::availability(fx.store, kBlob);
    shards[model::index_of(liar)].honest = false;
    const RepairPlan again = fx.scheme->plan_repair(kBlob, target, shards);
    REQUIRE(again.kind == PlanKind::kRepair);
    for (const HelperPart& part : again.helpers) CHECK(part.helper != liar);
    const RepairRequest retry{target, &again};
    CHECK(fx.scheme->execute_repairs(kBlob, {&retry, 1}, fx.store).at(0).outcome ==
          RepairOutcome::kRebuilt);
    CHECK(fx.held(target) == fx.expected_unit(target));
  }
}

TEST_CASE("a helper whose secondary alone is altered leaves the rebuilt secondary as kPartial") {
  Fixture fx(100, 20000);
  const ShardId target = model::id_at<ShardId>(5);
  fx.store.erase(kBlob, target);
  std::vector<ShardAvailability> shards = test::availability(fx.store, kBlob);
  const RepairPlan plan = fx.scheme->plan_repair(kBlob, target, shards);
  // The first helper sends a symbol of its secondary (for our primary) and of its primary.
  const ShardId liar = plan.helpers.front().helper;
  REQUIRE(plan.helpers.front().bytes[ByteCategory::kSymbols] == 2 * fx.scheme->symbol_bytes(kBlob));
  std::vector<std::uint8_t> unit = fx.held(liar);
  unit.back() ^= 0x01;  // inside its secondary sliver: only our primary's symbol fails
  fx.store.put(kBlob, liar, unit, UnitState::kCorrupt);
  const RepairRequest request{target, &plan};
  const RepairResult lied = fx.scheme->execute_repairs(kBlob, {&request, 1}, fx.store).at(0);
  CHECK(lied.outcome == RepairOutcome::kHelperLied);
  CHECK(lied.bad_helpers == std::vector<ShardId>{liar});
  REQUIRE(fx.store.state(kBlob, target) == UnitState::kPartial);
  const std::vector<std::uint8_t> expected = fx.expected_unit(target);
  const std::size_t primary_bytes = 67 * fx.scheme->symbol_bytes(kBlob);  // k_s = 67
  CHECK(fx.held(target) ==
        std::vector<std::uint8_t>(expected.begin() + static_cast<std::ptrdiff_t>(primary_bytes),
                                  expected.end()));
  // Planned again: the primary only, no metadata fetch (the secondary was verified with it).
  shards = test::availability(fx.store, kBlob);
  shards[model::index_of(liar)].honest = false;
  const RepairPlan rest = fx.scheme->plan_repair(kBlob, target, shards);
  REQUIRE(rest.kind == PlanKind::kRepair);
  CHECK_FALSE(rest.fetch_metadata);
  CHECK(sum(rest)[ByteCategory::kSymbols] == 67 * fx.scheme->symbol_bytes(kBlob));
  const RepairRequest retry{target, &rest};
  CHECK(fx.scheme->execute_repairs(kBlob, {&retry, 1}, fx.store).at(0).outcome ==
        RepairOutcome::kRebuilt);
  CHECK(fx.held(target) == expected);
}

TEST_CASE(
    "a repair wave gives the same units and outcomes with or without cache, threads, groups") {
  const std::vector<ShardId> lost = {ShardId{0}, ShardId{17}, ShardId{150}, ShardId{298}};
  std::vector<std::vector<std::uint8_t>> first;
  // The last: one target per group of answers.
  for (const RedStuffOptions options : {RedStuffOptions{1, false}, RedStuffOptions{2, true},
                                        RedStuffOptions{1, true}, RedStuffOptions{2, true, 1}}) {
    Fixture fx(300, 5000, options);
    fx.store.corrupt(kBlob, ShardId{3}, 1);
    for (int wave = 0; wave < 2; ++wave) {  // the second wave runs on a filled cache
      for (const ShardId t : lost) fx.store.erase(kBlob, t);
      const test::LoopStats stats = test::repair_loop(*fx.scheme, fx.store, kBlob, lost, true);
      CHECK(stats.rebuilt == lost.size());
      CHECK(stats.unrecoverable == 0);
    }
    std::vector<std::vector<std::uint8_t>> units;
    for (const ShardId t : lost) {
      CHECK(fx.held(t) == fx.expected_unit(t));
      units.push_back(fx.held(t));
    }
    if (first.empty()) first = units;
    CHECK(units == first);
    if (options.helper_cache) {
      CHECK(fx.scheme->cache_bytes() > 0);
      // At most 2n slivers of 78 digests (levels of 38, 19, 10, 5, 3, 2, 1 nodes: symbols of 2
      // bytes, so blocks of 8 leaves).
      CHECK(redstuff::cache_block_level(300, fx.scheme->symbol_bytes(kBlob)) == 3);
      CHECK(fx.scheme->cache_bytes() <= 2 * 300 * 78 * 32);
    } else {
      CHECK(fx.scheme->cache_bytes() == 0);
    }
  }
}

TEST_CASE("forget releases the blob's record and cache") {
  Fixture fx(10, 100);
  const std::vector<ShardId> lost = {ShardId{1}};
  fx.store.erase(kBlob, ShardId{1});
  CHECK(test::repair_loop(*fx.scheme, fx.store, kBlob, lost, true).rebuilt == 1);
  CHECK(fx.scheme->cache_bytes() > 0);
  fx.scheme->forget(kBlob);
  CHECK(fx.scheme->cache_bytes() == 0);
  fx.scheme->encode(kBlob, test::blob_bytes(100, 110), fx.store);  // may be written again
  CHECK(fx.scheme->blob_id(kBlob) == fx.fresh.blob_id);
}

}  // namespace
}  // namespace sliversim::schemes
