// Planning: every point's scenario validated before anything runs, problems grouped by the points
// they affect, and the plan document's identity (plan_sha256) read back strictly.
#include "sim/sweep/sweep_plan.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>

#include "sim/sweep/plan_file.hpp"

namespace sliversim::sweep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kBase =
    R"({"run": {"duration_days": 2}, "shards": {"n": 100}, "epochs": {"length_hours": 24},
        "nodes": {"count": 20}, "blobs": [{"name": "small", "initial_count": 2,
        "size_bytes": {"dist": "fixed", "value_bytes": 65536}}]})";

std::string sweep_text(const std::string& axes, const std::string& base = kBase) {
  return R"({"sweep": {"name": "t", "base": )" + base + R"(, "seeds": [1, 2], "axes": )" + axes +
         "}}";
}

PlanResult plan_text(const std::string& text, const std::string& name = "s.json") {
  SweepLoadResult loaded = load_sweep_text(text, name, fs::temp_directory_path());
  REQUIRE(loaded.sweep);
  return plan_sweep(*loaded.sweep);
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& line : lines) all += line + "\n";
  return all;
}

fs::path scratch(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("sliversim_sweep_plan_test_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST_CASE("every point's scenario is the base with the point's overrides and seed") {
  const PlanResult r = plan_text(sweep_text(R"([{"key": "/nodes/count", "values": [20, 30]}])"));
  REQUIRE(r.plan);
  const SweepPlan& plan = *r.plan;
  REQUIRE(plan.points.size() == 4);
  const PlannedPoint& p = plan.points[3];
  CHECK(p.overrides == std::vector<std::string>{"/nodes/count=30", "/run/seed=2"});
  CHECK(p.scenario.resolved["nodes"]["count"] == 30);
  CHECK(p.scenario.resolved["run"]["seed"] == 2);
  CHECK(p.scenario.overrides == p.overrides);
  CHECK(p.params == json({{"/nodes/count", 30}}));
  CHECK(plan.document["kind"] == kPlanKind);
  CHECK(plan.document["points"].size() == 4);
  CHECK(plan.document["points"][3]["resolved_sha256"] == p.resolved_sha256);
  CHECK(plan.document["plan_sha256"] == plan.sha256);
  CHECK(plan_sha256(plan.document) == plan.sha256);
}

TEST_CASE("the plan's identity does not depend on the sweep file's name or folder") {
  const std::string text = sweep_text(R"([{"key": "/nodes/count", "values": [20, 30]}])");
  const PlanResult a = plan_text(text, "here/s.json");
  const PlanResult b = plan_text(text, "/elsewhere/other.json");
  REQUIRE(a.plan);
  REQUIRE(b.plan);
  CHECK(a.plan->sha256 == b.plan->sha256);
  const PlanResult c = plan_text(sweep_text(R"([{"key": "/nodes/count", "values": [20, 31]}])"));
  REQUIRE(c.plan);
  CHECK(c.plan->sha256 != a.plan->sha256);
}

TEST_CASE("an axis key the scenario does not know is refused with a did-you-mean") {
  const PlanResult r = plan_text(sweep_text(R"([{"key": "/shards/m", "values": [10]}])"));
  CHECK_FALSE(r.plan);
  CHECK(joined(r.problems) ==
        "s.json: /sweep/axes/0/key: /shards/m: expected one of the keys \"n\", \"cap_fraction\", "
        "\"cap_min_nodes\", got \"m\" (did you mean \"n\"?)\n");
}

TEST_CASE("an invalid value fails its points only, named with their parameters") {
  const PlanResult r = plan_text(sweep_text(R"([{"key": "nodes.count", "values": [20, 0]}])"));
  CHECK_FALSE(r.plan);
  CHECK(joined(r.problems) ==
        "s.json: points 2-3 (of 4): s.json#/sweep/base: /nodes/count: expected integer in [1, "
        "100000], got 0 (from --set /nodes/count=0)\n");
  const PlanResult one = plan_text(R"({"sweep": {"name": "t", "base": )" + std::string(kBase) +
                                   R"(, "seeds": [5], "axes": [{"key": "/nodes/count",
                                   "values": [20, -1]}]}})");
  CHECK(joined(one.problems) ==
        "s.json: point 1 (/nodes/count=-1, seed 5): s.json#/sweep/base: /nodes/count: expected "
        "integer in [1, 100000], got -1 (from --set /nodes/count=-1)\n");
}

TEST_CASE("a problem every point shares is listed once") {
  const PlanResult r = plan_text(
      sweep_text(R"([{"key": "/nodes/count", "values": [20, 30]}])", R"({"shards": {"n": 2}})"));
  CHECK_FALSE(r.plan);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0] ==
        "s.json: all 4 points: s.json#/sweep/base: /shards/n: expected integer "
        "in [4, 8192], got 2");
}

TEST_CASE("the caller's extra check runs on every valid point") {
  SweepLoadResult loaded = load_sweep_text(
      sweep_text(R"([{"key": "/nodes/count", "values": [20, 30]}])"), "s.json", ".");
  REQUIRE(loaded.sweep);
  const PlanResult r = plan_sweep(*loaded.sweep, [](const scenario::LoadedScenario& s) {
    return s.config.nodes.count > 25 ? std::vector<std::string>{"too many nodes"}
                                     : std::vector<std::string>{};
  });
  CHECK(joined(r.problems) == "s.json: points 2-3 (of 4): too many nodes\n");
}

TEST_CASE("a plan file reads back, and an edited or foreign one is refused") {
  const PlanResult r = plan_text(sweep_text(R"([{"key": "/nodes/count", "values": [20, 30]}])"));
  REQUIRE(r.plan);
  const fs::path dir = scratch("plan_file");
  const auto write = [&](const json& doc) {
    std::ofstream(dir / "sweep.json") << doc.dump(2);
    return read_plan_file(dir / "sweep.json");
  };
  const PlanFileResult back = write(r.plan->document);
  REQUIRE(back.plan);
  CHECK(back.plan->name == "t");
  CHECK(back.plan->axis_keys == std::vector<std::string>{"/nodes/count"});
  CHECK(back.plan->seed_count == 2);
  CHECK(back.plan->points.size() == 4);
  CHECK(back.plan->sha256 == r.plan->sha256);

  json edited = r.plan->document;
  edited["points"][1]["seed"] = 9;
  CHECK(joined(write(edited).problems) ==
        (dir / "sweep.json").string() +
            ": /plan_sha256: expected the SHA-256 of the plan's content, got a different one (the "
            "file was edited)\n");
  json foreign = r.plan->document;
  foreign["kind"] = "sliversim-merged-sweep";
  CHECK(joined(write(foreign).problems).find("/kind: expected \"sliversim-sweep-plan\"") !=
        std::string::npos);
  CHECK(joined(read_plan_file(dir / "missing.json").problems).find("got no such file") !=
        std::string::npos);
}

}  // namespace
}  // namespace sliversim::sweep
