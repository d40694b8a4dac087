// simulate_world: by-construction checks on the example scenarios, determinism, placement,
// trace replay, adversaries, challenge rounds, limits, and the 5000-node year.
#include "sim/model/world.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "sim/model/world_test_support.hpp"

namespace sliversim::model {
namespace {

using kernel::Ticks;
using testing::check_by_construction;
using testing::config_from_file;
using testing::config_from_text;

std::vector<WorldEvent> events_of(const WorldTrace& t, WorldEventKind kind) {
  std::vector<WorldEvent> out;
  for (const auto& e : t.events) {
    if (e.kind == kind) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("every example scenario's world is right by construction") {
  for (const char* name :
       {"minimal.json", "mainnet_year.json", "region_outage.json", "adversarial_deleters.json",
        "trace_replay.json", "world_churn_mix.json", "quickstart.json", "testnet.json",
        "churn_storm.json", "epoch_rotation.json"}) {
    INFO(name);
    const scenario::ScenarioConfig config = config_from_file(name);
    CHECK(check_world_limits(config).empty());
    check_by_construction(simulate_world(config), config);
  }
}

TEST_CASE("the 5000-node year runs and is right by construction") {
  const scenario::ScenarioConfig config = config_from_file("world_5000_nodes.json");
  const WorldTrace trace = simulate_world(config);
  CHECK(trace.initial_nodes == 5000);
  CHECK(trace.epochs.size() == 27);  // 365 days in 14-day epochs: the last one is one day long
  CHECK(trace.epochs.back().end - trace.epochs.back().start == Ticks::days(1));
  check_by_construction(trace, config);
}

TEST_CASE("the same scenario and seed give the same world; another seed another digest") {
  const scenario::ScenarioConfig config = config_from_file("world_churn_mix.json");
  const WorldTrace a = simulate_world(config);
  const WorldTrace b = simulate_world(config);
  CHECK(a.digest_hex == b.digest_hex);
  CHECK(a.events == b.events);
  REQUIRE(a.epochs.size() == b.epochs.size());
  for (std::size_t e = 0; e < a.epochs.size(); ++e) {
    CHECK(a.epochs[e].owners == b.epochs[e].owners);
    CHECK(a.epochs[e].moves == b.epochs[e].moves);
    CHECK(a.epochs[e].stats == b.epochs[e].stats);
  }
  const WorldTrace c = simulate_world(config_from_file("world_churn_mix.json", {"/run/seed=4"}));
  CHECK(c.digest_hex != a.digest_hex);
  CHECK(c.events != a.events);
}

TEST_CASE("the trace digest is the kernel's digest of every world action") {
  const WorldTrace t = simulate_world(config_from_file("minimal.json"));
  CHECK(t.digest_hex.size() == 32);
  // Epoch 0 plus three boundaries (leave decisions and epoch starts), and one write batch.
  CHECK(t.kernel_events == 1 + 3 * 2 + 1);
  CHECK(t.events.size() == 4 + 4);  // four epoch starts, four blob writes
}

TEST_CASE("nodes are placed round-robin over their class's datacenters only") {
  const scenario::ScenarioConfig config = config_from_file("world_5000_nodes.json");
  const WorldTrace t = simulate_world(config, nullptr);
  std::map<std::pair<NodeClassId, DatacenterId>, int> initial_per_dc;
  for (const NodeInfo& n : t.nodes) {
    const std::string& region = t.topology->region_name(n.region);
    const std::string& provider = t.topology->provider_name(n.provider);
    CHECK(t.topology->region_of(n.datacenter) == n.region);
    if (t.node_class_names[index_of(n.node_class)] == "bare-metal") CHECK(provider == "provider-c");
    if (t.node_class_names[index_of(n.node_class)] == "home") CHECK(region == "europe");
    if (n.initial) ++initial_per_dc[{n.node_class, n.datacenter}];
  }
  // bare-metal: 1500 nodes over the 4 provider-c datacenters; home: 500 over europe's 4.
  for (const auto& [key, count] : initial_per_dc) {
    const std::string& cls = t.node_class_names[index_of(key.first)];
    if (cls == "bare-metal") CHECK(count == 375);
    if (cls == "home") CHECK(count == 125);
    if (cls == "cloud") CHECK((count == 250));  // 3000 over all 12 datacenters
  }
}

TEST_CASE("trace lines are replayed at their times, leaves at the next epoch end") {
  const WorldTrace t = simulate_world(config_from_file("trace_replay.json"));
  const auto hours = [](double h) { return Ticks::from_hours(h); };
  CHECK(events_of(t, WorldEventKind::kNodeDown) ==
        std::vector<WorldEvent>{
            {hours(6), WorldEventKind::kNodeDown, EventCause::kTrace, NodeId{3}, 0},
            {hours(100), WorldEventKind::kNodeDown, EventCause::kTrace, NodeId{15}, 0}});
  CHECK(events_of(t, WorldEventKind::kNodeUp).size() == 2);
  CHECK(events_of(t, WorldEventKind::kNodeFail) ==
        std::vector<WorldEvent>{
            {hours(30), WorldEventKind::kNodeFail, EventCause::kTrace, NodeId{12}, 0}});
  // "48,7,leave" falls on the boundary at 48 h, after its leave decisions: it leaves at 72 h.
  CHECK(events_of(t, WorldEventKind::kNodeLeave) ==
        std::vector<WorldEvent>{
            {hours(72), WorldEventKind::kNodeLeave, EventCause::kTrace, NodeId{7}, 0}});
  // Node 12's five shards move without cooperation at 48 h; node 7's with it at 72 h.
  CHECK(t.epochs[2].stats.shard_moves == 5);
  CHECK(t.epochs[2].stats.cooperative_moves == 0);
  CHECK(t.epochs[3].stats.shard_moves == 5);
  CHECK(t.epochs[3].stats.cooperative_moves == 5);
}

TEST_CASE("adversaries: an exact share of the initial nodes, acting from start_days") {
  const scenario::ScenarioConfig config = config_from_text(R"({
    "run": {"duration_days": 20}, "shards": {"n": 100}, "epochs": {"length_hours": 24},
    "nodes": {"classes": [
      {"name": "good", "count": 50},
      {"name": "bad", "count": 40, "churn": {"joins": {"rate_per_day": 20}},
       "adversary": {"fraction": 0.3, "action": "corrupt", "sliver_fraction": 0.25, "start_days": 2}}]}
  })");
  const WorldTrace t = simulate_world(config);
  std::uint32_t initial_bad = 0;
  std::uint32_t joiners = 0;
  std::uint32_t bad_joiners = 0;
  for (const NodeInfo& n : t.nodes) {
    if (n.node_class == NodeClassId{0}) CHECK_FALSE(n.adversary.has_value());
    if (!n.adversary) continue;
    CHECK(n.adversary->action == scenario::AdversaryAction::kCorrupt);
    CHECK(n.adversary->sliver_fraction == 0.25);
    CHECK(n.adversary->acts_at == std::max(Ticks::days(2), n.joined_at));
    initial_bad += n.initial ? 1U : 0U;
  }
  for (const NodeInfo& n : t.nodes) {
    joiners += n.initial ? 0U : 1U;
    bad_joiners += !n.initial && n.adversary ? 1U : 0U;
  }
  CHECK(initial_bad == 12);  // round(0.3 * 40)
  CHECK(joiners > 300);
  CHECK(std::abs(static_cast<double>(bad_joiners) / joiners - 0.3) < 0.1);
  const auto starts = events_of(t, WorldEventKind::kAdversaryStart);
  CHECK(starts.size() == initial_bad + bad_joiners);
  for (const auto& e : starts) CHECK(e.time == t.nodes[index_of(e.node)].adversary->acts_at);
}

TEST_CASE("challenge rounds fall every interval_hours from the first interval on") {
  const WorldTrace t = simulate_world(config_from_text(R"({
    "run": {"duration_days": 10}, "shards": {"n": 40}, "nodes": {"count": 8},
    "challenges": {"interval_hours": 7}})"));
  const auto rounds = events_of(t, WorldEventKind::kChallengeRound);
  REQUIRE(rounds.size() == 34);  // 7 h, 14 h, ..., 238 h < 240 h
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    CHECK(rounds[k].index == k);
    CHECK(rounds[k].time == Ticks::hours(7 * static_cast<std::int64_t>(k + 1)));
  }
}

TEST_CASE("world limits name the key that makes a run too large") {
  const auto too_fine = check_world_limits(config_from_text(
      R"({"run": {"duration_days": 36500}, "epochs": {"length_hours": 0.001, "sync_timeout_hours": 0.0005}})"));
  REQUIRE(too_fine.size() == 1);
  CHECK(too_fine[0].rfind("/epochs/length_hours: expected at most 1e+06 epochs", 0) == 0);
  const auto tiny = check_world_limits(
      config_from_text(R"({"epochs": {"length_hours": 1e-10, "sync_timeout_hours": 1e-11}})"));
  REQUIRE(tiny.size() == 1);
  CHECK(tiny[0].find("at least one microsecond") != std::string::npos);
  const auto crowded = check_world_limits(config_from_text(
      R"({"nodes": {"classes": [{"name": "x", "fraction": 1, "churn": {"joins": {"rate_per_day": 1000000}}}]}})"));
  CHECK_FALSE(crowded.empty());
  const auto records = check_world_limits(config_from_text(
      R"({"run": {"duration_days": 36500}, "shards": {"n": 8192}, "nodes": {"count": 100000},
          "epochs": {"length_hours": 24}})"));
  REQUIRE(records.size() == 1);
  CHECK(records[0].find("epoch record entries") != std::string::npos);
}

}  // namespace sliversim::model

namespace sliversim::model {

TEST_CASE("a world whose nodes all die runs on with an empty committee and no owners") {
  const scenario::ScenarioConfig config = testing::config_from_text(R"({
    "run": {"duration_days": 10}, "shards": {"n": 30}, "epochs": {"length_hours": 24},
    "nodes": {"classes": [{"name": "c", "count": 5, "churn": {"permanent_failures":
      {"lifetime_days": {"dist": "exponential", "mean_days": 0.1}}}}]}})");
  const WorldTrace t = simulate_world(config);
  REQUIRE(t.epochs.size() == 10);
  const EpochRecord& last = t.epochs.back();
  CHECK(last.committee.empty());
  CHECK(last.owners == std::vector<NodeId>(30, kNoNode));
  CHECK(last.stats.alive_nodes_end == 0);
  testing::check_by_construction(t, config);
}

}  // namespace sliversim::model
