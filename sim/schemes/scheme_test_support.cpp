// Scheme test helpers (see scheme_test_support.hpp).
#include "sim/schemes/scheme_test_support.hpp"

#include <algorithm>

#include "sim/kernel/trace_digest.hpp"

namespace sliversim::schemes::test {

std::vector<std::uint8_t> blob_bytes(std::size_t bytes, std::uint64_t seed) {
  std::vector<std::uint8_t> out(bytes);
  for (std::size_t i = 0; i < bytes; ++i) {
    out[i] =
        static_cast<std::uint8_t>(kernel::mix64(seed * 0x100000001B3ULL + i / 8) >> (8 * (i % 8)));
  }
  return out;
}

std::vector<std::uint8_t> expected_redstuff_unit(const codec::EncodedBlob& encoded,
                                                 model::ShardId shard) {
  const std::size_t n = encoded.expanded.n_shards();
  const std::size_t p = codec::to_size(codec::pair_for_shard(
      encoded.blob_id, static_cast<codec::ShardIndex>(model::index_of(shard)), n));
  std::vector<std::uint8_t> unit =
      encoded.expanded.sliver(codec::SliverAxis::kPrimary, static_cast<codec::SliverIndex>(p));
  const std::vector<std::uint8_t> secondary = encoded.expanded.sliver(
      codec::SliverAxis::kSecondary, static_cast<codec::SliverIndex>(n - 1 - p));
  unit.insert(unit.end(), secondary.begin(), secondary.end());
  return unit;
}

std::vector<std::uint8_t> held(const UnitStore& store, model::BlobIndex blob,
                               model::ShardId shard) {
  const std::span<const std::uint8_t> bytes = store.bytes(blob, shard);
  return {bytes.begin(), bytes.end()};
}

std::vector<ShardAvailability> availability(const UnitStore& store, model::BlobIndex blob) {
  std::vector<ShardAvailability> shards(store.n_shards());
  for (std::size_t i = 0; i < shards.size(); ++i) {
    shards[i].state = store.state(blob, model::id_at<model::ShardId>(i));
    shards[i].reachable = true;
  }
  return shards;
}

namespace {

bool contains(const std::vector<model::ShardId>& list, model::ShardId shard) {
  return std::find(list.begin(), list.end(), shard) != list.end();
}

void count(LoopStats& stats, const RepairResult& result) {
  switch (result.outcome) {
    case RepairOutcome::kRebuilt:
      ++stats.rebuilt;
      break;
    case RepairOutcome::kPartial:
      ++stats.partial;
      break;
    case RepairOutcome::kHelperLied:
      ++stats.lied;
      break;
    case RepairOutcome::kFailed:
      break;
  }
}

}  // namespace

LoopStats repair_loop(StorageScheme& scheme, UnitStore& store, model::BlobIndex blob,
                      const std::vector<model::ShardId>& targets, bool batched,
                      const std::vector<model::ShardId>& down,
                      const std::vector<model::ShardId>& liars_given) {
  constexpr std::size_t kMaxRounds = 100;
  LoopStats stats;
  std::vector<model::ShardId> liars = liars_given;
  auto record = [&](const RepairResult& result) {
    count(stats, result);
    liars.insert(liars.end(), result.bad_helpers.begin(), result.bad_helpers.end());
  };
  auto shards_now = [&] {
    std::vector<ShardAvailability> shards = availability(store, blob);
    for (std::size_t i = 0; i < shards.size(); ++i) {
      shards[i].reachable = !contains(down, model::id_at<model::ShardId>(i));
      shards[i].honest = !contains(liars, model::id_at<model::ShardId>(i));
    }
    return shards;
  };
  for (bool progress = true; progress && stats.rounds < kMaxRounds; ++stats.rounds) {
    progress = false;
    std::vector<RepairPlan> plans;
    std::vector<model::ShardId> ready;
    for (const model::ShardId t : targets) {
      if (store.state(blob, t) == UnitState::kValid) continue;
      RepairPlan plan = scheme.plan_repair(blob, t, shards_now());
      if (plan.kind == PlanKind::kUnrecoverable) ++stats.unrecoverable;
      if (plan.kind != PlanKind::kRepair) continue;
      if (!batched) {
        const RepairRequest request{t, &plan};
        record(scheme.execute_repairs(blob, {&request, 1}, store).at(0));
        progress = true;
        continue;
      }
      plans.push_back(std::move(plan));
      ready.push_back(t);
    }
    std::vector<RepairRequest> requests;
    for (std::size_t i = 0; i < ready.size(); ++i) requests.push_back({ready[i], &plans[i]});
    for (const RepairResult& result : scheme.execute_repairs(blob, requests, store)) {
      record(result);
      progress = true;
    }
    if (stats.unrecoverable > 0) break;
  }
  return stats;
}

}  // namespace sliversim::schemes::test
