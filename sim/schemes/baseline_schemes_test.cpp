// The baselines as schemes: rs_rebuild (k_p whole pieces per lost piece, real decode,
// byte-identical pieces), replication (r copies around the ring, one copy per repair) and msr_bound
// (the cut-set bound, analytic), with known answers; and the factory.
#include <doctest/doctest.h>

#include <initializer_list>

#include <algorithm>
#include <set>

#include "codec/baseline_msr_bound.hpp"
#include "sim/schemes/msr_bound_scheme.hpp"
#include "sim/schemes/replication_scheme.hpp"
#include "sim/schemes/rs_rebuild_scheme.hpp"
#include "sim/schemes/scheme_factory.hpp"
#include "sim/schemes/scheme_test_support.hpp"

namespace sliversim::schemes {
namespace {

using model::BlobIndex;
using model::ShardId;

constexpr BlobIndex kBlob{1};

std::uint64_t plan_bytes(const RepairPlan& plan, ByteCategory category) {
  std::uint64_t total = 0;
  for (const HelperPart& part : plan.helpers) total += part.bytes[category];
  return total;
}

TEST_CASE("rs_rebuild at n = 1000: k_p whole pieces per lost piece, rebuilt byte-identical") {
  const std::unique_ptr<RsRebuildScheme> scheme = RsRebuildScheme::make(1000);
  REQUIRE(scheme != nullptr);
  CHECK(scheme->read_threshold() == 334);
  for (const std::size_t size : std::initializer_list<std::size_t>{0, 1000, 1 << 20}) {
    CAPTURE(size);
    UnitStore store(1000);
    const std::vector<std::uint8_t> blob = test::blob_bytes(size, 9);
    scheme->encode(kBlob, blob, store);
    codec::RsRebuildBlob fresh;
    REQUIRE(codec::rs_rebuild_encode(scheme->code(), blob, &fresh) == codec::BaselineStatus::kOk);
    const std::size_t piece = fresh.piece_bytes();
    CHECK(piece == (size == 1 << 20 ? 3140 : size == 1000 ? 4 : 2));  // ceil(L / 334), even
    CHECK(scheme->unit_bytes(kBlob, ShardId{5}) == piece);
    CHECK(scheme->stored_bytes(kBlob) == 1000 * piece);
    const std::vector<ShardId> lost = {ShardId{0}, ShardId{333}, ShardId{334}, ShardId{999}};
    for (const ShardId t : lost) store.erase(kBlob, t);
    std::vector<RepairPlan> plans;
    for (const ShardId t : lost) {
      plans.push_back(scheme->plan_repair(kBlob, t, test::availability(store, kBlob)));
      REQUIRE(plans.back().kind == PlanKind::kRepair);
      CHECK(plans.back().helpers.size() == 334);
      CHECK(plan_bytes(plans.back(), ByteCategory::kFullBlob) == 334 * piece);
      CHECK(plans.back().helpers.front().bytes.total() == piece);
    }
    std::vector<RepairRequest> requests;
    for (std::size_t i = 0; i < lost.size(); ++i) requests.push_back({lost[i], &plans[i]});
    for (const RepairResult& r : scheme->execute_repairs(kBlob, requests, store)) {
      CHECK(r.outcome == RepairOutcome::kRebuilt);
    }
    for (const ShardId t : lost) {
      const std::span<const std::uint8_t> want =
          fresh.piece(static_cast<codec::PieceIndex>(model::index_of(t)));
      CHECK(test::held(store, kBlob, t) == std::vector<std::uint8_t>(want.begin(), want.end()));
    }
    scheme->forget(kBlob);
  }
}

TEST_CASE(
    "rs_rebuild names a corrupt helper piece, waits without k reachable, and is lost below k") {
  const std::unique_ptr<RsRebuildScheme> scheme = RsRebuildScheme::make(10);  // k = 4
  UnitStore store(10);
  scheme->encode(kBlob, test::blob_bytes(500, 3), store);
  const std::vector<std::uint8_t> original = test::held(store, kBlob, ShardId{2});
  store.erase(kBlob, ShardId{2});
  std::vector<ShardAvailability> shards = test::availability(store, kBlob);
  const RepairPlan plan = scheme->plan_repair(kBlob, ShardId{2}, shards);
  REQUIRE(plan.kind == PlanKind::kRepair);
  const ShardId liar = plan.helpers[1].helper;
  store.corrupt(kBlob, liar, 8);
  const RepairRequest request{ShardId{2}, &plan};
  const RepairResult lied = scheme->execute_repairs(kBlob, {&request, 1}, store).at(0);
  CHECK(lied.outcome == RepairOutcome::kHelperLied);
  CHECK(lied.bad_helpers == std::vector<ShardId>{liar});
  CHECK(store.state(kBlob, ShardId{2}) == UnitState::kAbsent);
  const std::vector<ShardId> lost = {ShardId{2}};
  CHECK(test::repair_loop(*scheme, store, kBlob, lost, true, {}, {liar}).rebuilt == 1);
  CHECK(test::held(store, kBlob, ShardId{2}) == original);
  // 4 reachable holders needed: with 3 it waits; with 3 stored at all it is lost.
  store.erase(kBlob, ShardId{2});
  shards = test::availability(store, kBlob);
  for (std::size_t i = 0; i < 10; ++i) shards[i].reachable = i < 4;  // 3 besides the target
  CHECK(scheme->plan_repair(kBlob, ShardId{2}, shards).kind == PlanKind::kWait);
  for (std::size_t i = 4; i < 10; ++i) store.erase(kBlob, model::id_at<ShardId>(i));
  CHECK(scheme->plan_repair(kBlob, ShardId{2}, test::availability(store, kBlob)).kind ==
        PlanKind::kUnrecoverable);
}

TEST_CASE("rs_rebuild still catches a helper piece that changed after it was checked and used") {
  const std::unique_ptr<RsRebuildScheme> scheme = RsRebuildScheme::make(10);  // k = 4
  UnitStore store(10);
  scheme->encode(kBlob, test::blob_bytes(700, 4), store);
  store.erase(kBlob, ShardId{0});
  const RepairPlan plan = scheme->plan_repair(kBlob, ShardId{0}, test::availability(store, kBlob));
  REQUIRE(plan.kind == PlanKind::kRepair);
  const RepairRequest request{ShardId{0}, &plan};
  CHECK(scheme->execute_repairs(kBlob, {&request, 1}, store).at(0).outcome ==
        RepairOutcome::kRebuilt);
  // The same helpers again, one corrupted and one silently rewritten with other bytes but marked
  // valid: both are hashed again and named.
  const ShardId corrupted = plan.helpers[0].helper;
  const ShardId rewritten = plan.helpers[2].helper;
  store.corrupt(kBlob, corrupted, 1);
  std::vector<std::uint8_t> other = test::held(store, kBlob, rewritten);
  other[0] ^= 1;
  store.put(kBlob, rewritten, other);
  store.erase(kBlob, ShardId{0});
  const RepairResult again = scheme->execute_repairs(kBlob, {&request, 1}, store).at(0);
  CHECK(again.outcome == RepairOutcome::kHelperLied);
  CHECK(again.bad_helpers == std::vector<ShardId>{corrupted, rewritten});
}

TEST_CASE("replication places r copies around the ring and repairs from one whole copy") {
  const std::unique_ptr<ReplicationScheme> scheme = ReplicationScheme::make(10, 3);
  REQUIRE(scheme != nullptr);
  CHECK(ReplicationScheme::make(10, 0) == nullptr);
  CHECK(ReplicationScheme::make(10, 11) == nullptr);
  UnitStore store(10);
  const std::vector<std::uint8_t> blob = test::blob_bytes(1234, 4);
  scheme->encode(kBlob, blob, store);
  const std::vector<ShardId> replicas = scheme->replica_shards(kBlob);
  REQUIRE(replicas.size() == 3);
  const std::size_t h = model::index_of(replicas[0]);
  CHECK(model::index_of(replicas[1]) == (h + 3) % 10);  // floor(1·10/3)
  CHECK(model::index_of(replicas[2]) == (h + 6) % 10);  // floor(2·10/3)
  for (std::size_t i = 0; i < 10; ++i) {
    const ShardId shard = model::id_at<ShardId>(i);
    const bool replica = std::find(replicas.begin(), replicas.end(), shard) != replicas.end();
    CHECK(scheme->holds_unit(kBlob, shard) == replica);
    CHECK(scheme->unit_bytes(kBlob, shard) == (replica ? 1234u : 0u));
    CHECK(store.state(kBlob, shard) == (replica ? UnitState::kValid : UnitState::kAbsent));
  }
  CHECK(scheme->stored_bytes(kBlob) == 3 * 1234);
  CHECK(store.held_bytes() == 3 * 1234);
  // Two copies lost: one whole copy (L bytes) rebuilds each.
  store.erase(kBlob, replicas[0]);
  store.erase(kBlob, replicas[2]);
  const RepairPlan plan = scheme->plan_repair(kBlob, replicas[0], test::availability(store, kBlob));
  REQUIRE(plan.kind == PlanKind::kRepair);
  REQUIRE(plan.helpers.size() == 1);
  CHECK(plan.helpers[0].helper == replicas[1]);
  CHECK(plan.helpers[0].bytes[ByteCategory::kFullBlob] == 1234);
  CHECK(plan.helpers[0].bytes.total() == 1234);
  const std::vector<ShardId> lost = {replicas[0], replicas[2]};
  CHECK(test::repair_loop(*scheme, store, kBlob, lost, true).rebuilt == 2);
  for (const ShardId r : replicas) CHECK(test::held(store, kBlob, r) == blob);
}

TEST_CASE("replication catches a corrupt copy and is lost when no copy remains") {
  const std::unique_ptr<ReplicationScheme> scheme = ReplicationScheme::make(7, 2);
  UnitStore store(7);
  scheme->encode(kBlob, test::blob_bytes(64, 5), store);
  const std::vector<ShardId> replicas = scheme->replica_shards(kBlob);
  store.erase(kBlob, replicas[0]);
  store.corrupt(kBlob, replicas[1], 3);
  const RepairPlan plan = scheme->plan_repair(kBlob, replicas[0], test::availability(store, kBlob));
  REQUIRE(plan.kind == PlanKind::kRepair);
  const RepairRequest request{replicas[0], &plan};
  const RepairResult result = scheme->execute_repairs(kBlob, {&request, 1}, store).at(0);
  CHECK(result.outcome == RepairOutcome::kHelperLied);
  CHECK(result.bad_helpers == std::vector<ShardId>{replicas[1]});
  std::vector<ShardAvailability> shards = test::availability(store, kBlob);
  shards[model::index_of(replicas[1])].reachable = false;
  CHECK(scheme->plan_repair(kBlob, replicas[0], shards).kind == PlanKind::kWait);
  store.erase(kBlob, replicas[1]);
  CHECK(scheme->plan_repair(kBlob, replicas[0], test::availability(store, kBlob)).kind ==
        PlanKind::kUnrecoverable);
}

TEST_CASE("msr_bound at n = 1000: d = 999 helpers share the cut-set bound, nothing is stored") {
  const std::unique_ptr<MsrBoundScheme> scheme = MsrBoundScheme::make(1000);
  REQUIRE(scheme != nullptr);
  CHECK(scheme->analytic());
  CHECK(scheme->read_threshold() == 334);
  UnitStore store(1000);
  const std::uint64_t size = 1 << 20;
  scheme->encode(kBlob, test::blob_bytes(size, 6), store);
  CHECK(store.held_bytes() == 0);
  CHECK(store.state(kBlob, ShardId{7}) == UnitState::kValid);
  CHECK(scheme->unit_bytes(kBlob, ShardId{7}) == 3140);  // ceil(2^20 / 334)
  CHECK(scheme->stored_bytes(kBlob) == 3139450);         // ceil(1000 · 2^20 / 334)
  store.erase(kBlob, ShardId{7});
  std::vector<ShardAvailability> shards = test::availability(store, kBlob);
  const RepairPlan plan = scheme->plan_repair(kBlob, ShardId{7}, shards);
  REQUIRE(plan.kind == PlanKind::kRepair);
  CHECK(plan.helpers.size() == 999);
  // gamma = ceil(999 · 2^20 / (334 · 666)) = 4710 B, i.e. 4 or 5 bytes from each helper.
  CHECK(plan_bytes(plan, ByteCategory::kFullBlob) == 4710);
  CHECK(plan.helpers.front().bytes.total() == 5);
  CHECK(plan.helpers.back().bytes.total() == 4);
  // With 500 shards down d = 499: ceil(499 · 2^20 / (334 · 166)) = 9438.
  for (std::size_t i = 500; i < 1000; ++i) shards[i].reachable = false;
  const RepairPlan fewer = scheme->plan_repair(kBlob, ShardId{7}, shards);
  CHECK(fewer.helpers.size() == 499);
  CHECK(plan_bytes(fewer, ByteCategory::kFullBlob) == 9438);
  CHECK(plan_bytes(fewer, ByteCategory::kFullBlob) ==
        codec::msr_bound(size, 1000, 334, 499)->repair_bytes);
  const RepairRequest request{ShardId{7}, &plan};
  CHECK(scheme->execute_repairs(kBlob, {&request, 1}, store).at(0).outcome ==
        RepairOutcome::kRebuilt);
  CHECK(store.state(kBlob, ShardId{7}) == UnitState::kValid);
  CHECK(store.held_bytes() == 0);
  // Fewer than k = 334 placeholders left anywhere: lost; fewer reachable: wait.
  for (std::size_t i = 0; i < 700; ++i) store.erase(kBlob, model::id_at<ShardId>(i));
  shards = test::availability(store, kBlob);
  CHECK(scheme->plan_repair(kBlob, ShardId{7}, shards).kind == PlanKind::kUnrecoverable);
}

TEST_CASE("the factory makes every scheme by name and explains what it cannot make") {
  SchemeConfig config;
  config.n_shards = 10;
  std::set<std::string_view> names;
  for (const std::string_view name : scheme_names()) {
    std::string error = "stale";
    const std::unique_ptr<StorageScheme> scheme = make_scheme(name, config, &error);
    REQUIRE(scheme != nullptr);
    CHECK(scheme->name() == name);
    CHECK(scheme->analytic() == (name == "msr_bound"));
    CHECK(error.empty());
    names.insert(name);
  }
  CHECK(names.size() == 4);
  std::string error;
  CHECK(make_scheme("raid6", config, &error) == nullptr);
  CHECK(error.find("unknown scheme \"raid6\"") != std::string::npos);
  config.replication_copies = 11;
  CHECK(make_scheme("replication", config, &error) == nullptr);
  CHECK(error.find("1 to 10 copies") != std::string::npos);
  config.n_shards = 3;
  CHECK(make_scheme("redstuff", config, &error) == nullptr);
  CHECK(error == "redstuff does not support 3 shards");
}

}  // namespace
}  // namespace sliversim::schemes
