// Tests of load_scenario: defaults in the resolved scenario, the config it binds, overrides,
// referenced files, hashing, and the example scenarios.
#include "sim/scenario/loader.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace sliversim::scenario {

namespace {

using nlohmann::json;

const std::filesystem::path kSource = SLIVERSIM_SOURCE_DIR;
const std::filesystem::path kScenarios = kSource / "scenarios";

LoadResult load_text(const std::string& text, const std::vector<std::string>& overrides = {}) {
  return load_scenario_text(text, "test.json", kScenarios, overrides);
}

// Loads text that must be valid.
LoadedScenario load_ok(const std::string& text, const std::vector<std::string>& overrides = {}) {
  LoadResult r = load_text(text, overrides);
  INFO(json(r.problems).dump(2));
  REQUIRE(r.scenario.has_value());
  return std::move(*r.scenario);
}

}  // namespace

TEST_CASE("an empty scenario resolves every default") {
  const LoadedScenario s = load_ok("{}");
  const json& r = s.resolved;
  CHECK(r["run"] == json{{"duration_days", 365}, {"seed", 1}, {"memory_budget_gib", 16}});
  CHECK(r["shards"] == json{{"n", 1000}, {"cap_fraction", 0.1}, {"cap_min_nodes", 20}});
  CHECK(r["epochs"] == json{{"length_hours", 336}, {"sync_timeout_hours", 12}});
  CHECK(r["nodes"]["count"] == 120);
  CHECK(r["nodes"]["classes"][0]["stake"] == json{{"dist", "fixed"}, {"value", 1}});
  CHECK(r["nodes"]["classes"][0]["churn"]["permanent_failures"].is_null());
  CHECK(r["topology"]["source"] == "generated");
  CHECK(r["blobs"][0]["size_bytes"] == json{{"dist", "fixed"}, {"value_bytes", 1048576}});
  CHECK(r["schemes"]["replication"] == json{{"enabled", true}, {"copies", 3}});
  CHECK(r["trace"].is_null());
  CHECK(r["challenges"].is_null());
  // Resolving is idempotent: the resolved scenario resolves to itself.
  CHECK(load_ok(r.dump()).resolved == r);
}

TEST_CASE("the config holds the resolved values, derived members filled in") {
  const ScenarioConfig c = load_ok("{}").config;
  CHECK(c.run.duration_days == 365.0);
  CHECK(c.run.seed == 1U);
  CHECK(c.shards.n == 1000U);
  CHECK(c.epochs.sync_timeout_hours == 12.0);
  CHECK(c.nodes.count == 120U);
  REQUIRE(c.nodes.classes.size() == 1);
  CHECK(c.nodes.classes[0].initial_count == 120U);
  CHECK(c.nodes.classes[0].fraction == 1.0);
  CHECK_FALSE(c.nodes.classes[0].count.has_value());
  CHECK_FALSE(c.nodes.classes[0].churn.joins.has_value());
  CHECK(c.topology.layout.datacenters.size() == 6);
  CHECK(c.schemes.redstuff.enabled);
  CHECK(c.schemes.replication.copies == 3U);
  CHECK_FALSE(c.trace.has_value());
}

TEST_CASE("class fractions are apportioned by largest remainder, ties to the earlier class") {
  const ScenarioConfig c = load_ok(R"({"nodes": {"count": 10, "classes": [
      {"name": "a", "fraction": 0.25}, {"name": "b", "fraction": 0.25},
      {"name": "c", "fraction": 0.5}]}})")
                               .config;
  // Exact shares 2.5, 2.5, 5: one node left over goes to "a".
  CHECK(c.nodes.classes[0].initial_count == 3U);
  CHECK(c.nodes.classes[1].initial_count == 2U);
  CHECK(c.nodes.classes[2].initial_count == 5U);
}

TEST_CASE("node count defaults to the sum of class counts") {
  const LoadedScenario s = load_ok(R"({"nodes": {"classes": [
      {"name": "a", "count": 7}, {"name": "b", "count": 5}]}})");
  CHECK(s.resolved["nodes"]["count"] == 12);
  CHECK(s.config.nodes.count == 12U);
  CHECK(s.config.nodes.classes[1].initial_count == 5U);
}

TEST_CASE("joiners take the class's stake unless given their own") {
  const LoadedScenario s = load_ok(R"({"nodes": {"classes": [
      {"name": "a", "fraction": 0.5, "stake": {"dist": "uniform", "min": 1, "max": 3},
       "churn": {"joins": {"rate_per_day": 1}}},
      {"name": "b", "fraction": 0.5,
       "churn": {"joins": {"rate_per_day": 2, "stake": {"dist": "fixed", "value": 9}}}}]}})");
  const json& classes = s.resolved["nodes"]["classes"];
  CHECK(classes[0]["churn"]["joins"]["stake"] == classes[0]["stake"]);
  CHECK(classes[1]["churn"]["joins"]["stake"]["value"] == 9);
  const auto& joins = s.config.nodes.classes[0].churn.joins;
  REQUIRE(joins.has_value());
  CHECK(joins->stake.kind == DistKind::kUniform);
  CHECK(joins->stake.max == 3.0);
}

TEST_CASE("a generated topology names datacenters and spreads providers as documented") {
  const ScenarioConfig c = load_ok(R"({"topology": {"regions": ["r", "s"],
      "datacenters_per_region": 2, "providers": ["p", "q", "t"], "region_link_gbps": 7}})")
                               .config;
  const TopologyLayout& t = c.topology.layout;
  REQUIRE(t.datacenters.size() == 4);
  CHECK(t.datacenters[0].name == "r-dc0");
  CHECK(t.datacenters[3].name == "s-dc1");
  CHECK(t.datacenters[3].region == "s");
  CHECK(t.datacenters[2].provider == "t");
  CHECK(t.datacenters[3].provider == "p");
  REQUIRE(t.region_links.size() == 1);
  CHECK(t.region_links[0].bandwidth_gbps == 7.0);
}

TEST_CASE("overrides apply before validation and reach the config") {
  const LoadedScenario s =
      load_ok("{}", {"/nodes/count=40", "/shards/n=300", "/description=from the command line"});
  CHECK(s.config.nodes.count == 40U);
  CHECK(s.config.shards.n == 300U);
  CHECK(s.config.description == "from the command line");
  CHECK(s.resolved["shards"]["n"] == 300);
  CHECK(s.overrides.size() == 3);
}

TEST_CASE("an overridden value gets the file's checks and names its origin") {
  const LoadResult r = load_text("{}", {"/nodes/count=abc", "/run/duration_days=-1"});
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0] ==
        "test.json: /run/duration_days: expected number in (0, 36500], got -1 (from --set "
        "/run/duration_days=-1)");
  CHECK(r.problems[1] ==
        "test.json: /nodes/count: expected integer in [1, 100000], got string \"abc\" (from "
        "--set /nodes/count=abc)");
}

TEST_CASE("the file's SHA-256 is that of its bytes") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(load_ok("{}").sha256_hex == sha256_hex("{}"));
  const LoadResult r = load_scenario((kScenarios / "minimal.json").string(), {});
  REQUIRE(r.scenario.has_value());
  CHECK(r.scenario->sha256_hex.size() == 64);
}

TEST_CASE("a missing scenario file is one problem") {
  const LoadResult r = load_scenario("/nonexistent/x.json", {});
  CHECK_FALSE(r.scenario.has_value());
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0] == "/nonexistent/x.json: expected a scenario file, got no such file");
}

TEST_CASE("every example scenario in scenarios/ validates") {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kScenarios)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream text(entry.path());
    if (json::parse(text, nullptr, false).contains("sweep")) continue;  // a sweep: sim/sweep/
    ++count;
    const LoadResult r = load_scenario(entry.path().string(), {});
    INFO(entry.path().string(), ": ", json(r.problems).dump(2));
    CHECK(r.scenario.has_value());
  }
  CHECK(count >= 5);
}

TEST_CASE("the trace and topology files of an example are read into the config") {
  const LoadResult r = load_scenario((kScenarios / "trace_replay.json").string(), {});
  REQUIRE(r.scenario.has_value());
  const ScenarioConfig& c = r.scenario->config;
  REQUIRE(c.trace.has_value());
  REQUIRE(c.trace->events.size() == 6);
  CHECK(c.trace->events[0].time_hours == 6.0);
  CHECK(c.trace->events[0].node == InitialNodeIndex{3});
  CHECK(c.trace->events[0].kind == TraceEventKind::kDown);
  CHECK(c.trace->events[2].kind == TraceEventKind::kFail);
  CHECK(c.topology.source == TopologySource::kFile);
  CHECK(c.topology.layout.regions == std::vector<std::string>{"east", "west"});
  CHECK(c.topology.layout.providers == std::vector<std::string>{"cloud-a", "cloud-b"});
  CHECK(c.topology.layout.datacenters.size() == 3);
  CHECK(c.topology.layout.region_links.at(0).latency_ms == 65.0);
}

TEST_CASE("the mainnet-year example binds its classes, churn and blobs") {
  const LoadResult r = load_scenario((kScenarios / "mainnet_year.json").string(), {});
  REQUIRE(r.scenario.has_value());
  const ScenarioConfig& c = r.scenario->config;
  REQUIRE(c.nodes.classes.size() == 2);
  CHECK(c.nodes.classes[0].initial_count + c.nodes.classes[1].initial_count == 120U);
  CHECK(c.nodes.classes[0].initial_count == 84U);
  const auto& churn = c.nodes.classes[0].churn;
  REQUIRE(churn.permanent_failures.has_value());
  CHECK(churn.permanent_failures->lifetime_days.kind == DistKind::kWeibull);
  CHECK(churn.permanent_failures->lifetime_days.shape == 0.9);
  CHECK(churn.permanent_failures->lifetime_days.scale == 1500.0);
  REQUIRE(churn.transient_outages.has_value());
  CHECK(churn.transient_outages->duration_hours.kind == DistKind::kLogNormal);
  CHECK(churn.transient_outages->duration_hours.median == 2.0);
  CHECK(c.nodes.classes[1].providers == std::vector<std::string>{"provider-c"});
  REQUIRE(c.correlated_outages.size() == 2);
  CHECK(c.correlated_outages[1].scope == OutageScope::kRegion);
  CHECK(c.correlated_outages[1].data_loss_probability == 0.05);
  REQUIRE(c.blobs.size() == 5);
  CHECK(c.blobs[4].size_bytes.value == 1073741824.0);
  CHECK(c.blobs[4].weight == 500.0);
  REQUIRE(c.challenges.has_value());
  CHECK(c.challenges->interval_hours == 336.0);
}

}  // namespace sliversim::scenario
