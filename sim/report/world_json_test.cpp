// world_json: the per-epoch series and summary mirror the trace's epoch statistics exactly.
#include "sim/report/world_json.hpp"

#include <doctest/doctest.h>

#include "sim/model/world.hpp"
#include "sim/scenario/loader.hpp"

namespace sliversim::report {
namespace {

model::WorldTrace churn_mix_world() {
  scenario::LoadResult r = scenario::load_scenario(
      std::string(SLIVERSIM_SOURCE_DIR) + "/scenarios/world_churn_mix.json", {});
  REQUIRE(r.scenario.has_value());
  return model::simulate_world(r.scenario->config);
}

}  // namespace

TEST_CASE("world.per_epoch mirrors every epoch's statistics and times") {
  const model::WorldTrace t = churn_mix_world();
  const nlohmann::json w = world_json(t);
  REQUIRE(w["per_epoch"].size() == t.epochs.size());
  for (std::size_t e = 0; e < t.epochs.size(); ++e) {
    const model::EpochStats& s = t.epochs[e].stats;
    const nlohmann::json& j = w["per_epoch"][e];
    CHECK(j["epoch"] == e);
    CHECK(j["start_us"] == t.epochs[e].start.count());
    CHECK(j["end_us"] == t.epochs[e].end.count());
    CHECK(j["committee_size"] == s.committee_size);
    CHECK(j["alive_nodes"] == s.alive_nodes_end);
    CHECK(j["up_nodes"] == s.up_nodes_end);
    CHECK(j["failures"] == nlohmann::json{{"permanent", s.failures_permanent},
                                          {"transient", s.failures_transient},
                                          {"correlated", s.failures_correlated},
                                          {"trace", s.failures_trace}});
    CHECK(j["deaths"] == s.deaths);
    CHECK(j["joins"] == s.joins);
    CHECK(j["leaves"] == s.leaves);
    CHECK(j["shard_moves"] == s.shard_moves);
    CHECK(j["cooperative_moves"] == s.cooperative_moves);
    CHECK(j["blobs_written"] == s.blobs_written);
    CHECK(j["blobs_expired"] == s.blobs_expired);
    CHECK(j["live_blobs"] == s.live_blobs_end);
    CHECK(j["challenge_rounds"] == s.challenge_rounds);
  }
}

TEST_CASE("world.summary sums the per-epoch counts") {
  const model::WorldTrace t = churn_mix_world();
  const nlohmann::json w = world_json(t);
  for (const char* key : {"deaths", "joins", "leaves", "shard_moves", "cooperative_moves",
                          "blobs_written", "blobs_expired", "challenge_rounds", "data_losses"}) {
    std::uint64_t sum = 0;
    for (const auto& e : w["per_epoch"]) sum += e[key].get<std::uint64_t>();
    INFO(key);
    CHECK(w["summary"][key] == sum);
  }
  CHECK(w["summary"]["failures"]["transient"] > 0);
  CHECK(w["summary"]["world_events"] == t.events.size());
  CHECK(w["summary"]["final_alive_nodes"] == w["per_epoch"].back()["alive_nodes"]);
  CHECK(w["node_classes"][0]["name"] == "steady");
  CHECK(w["node_classes"][0]["initial"] == 16);
  CHECK(w["blob_classes"][0]["weight"] == 100.0);
}

}  // namespace sliversim::report
