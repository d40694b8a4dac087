// The plan of a sweep: every point expanded and its scenario (base + the point's --set overrides
// + seed) loaded and validated before anything runs, and the plan document `sliversim sweep`
// writes to DIR/sweep.json. The plan's identity is plan_sha256, the SHA-256 of the document
// without that key; it covers the name, axes, seeds, every point's overrides and the SHA-256 of
// every point's resolved scenario, and no paths, so shards started from different folders or
// machines agree on it. Point files carry it (point_file.hpp), and merge refuses files of
// another plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/scenario/loader.hpp"
#include "sim/sweep/sweep_file.hpp"
#include "sim/sweep/sweep_grid.hpp"

namespace sliversim::sweep {

// The layout version of plan documents and merged tables.
inline constexpr int kSweepSchemaVersion = 1;
// The "kind" of a plan document.
inline constexpr const char* kPlanKind = "sliversim-sweep-plan";

// One point with its validated scenario.
struct PlannedPoint {
  SweepPoint point;
  nlohmann::json params;               // point_params
  std::vector<std::string> overrides;  // point_overrides
  scenario::LoadedScenario scenario;   // overrides already applied
  std::string resolved_sha256;         // SHA-256 of scenario.resolved as compact JSON
};

// A sweep whose every point is a valid scenario.
struct SweepPlan {
  SweepSpec sweep;
  std::vector<PlannedPoint> points;  // in point order
  nlohmann::json document;           // what DIR/sweep.json holds, plan_sha256 included
  std::string sha256;                // plan_sha256
};

// Checks a run would make of a valid scenario beyond the loader's (e.g. the world's limits);
// returns one complete problem line per failure, empty when the scenario may run.
using ScenarioCheck = std::function<std::vector<std::string>(const scenario::LoadedScenario&)>;

// The outcome of planning: a plan, or every problem that prevents it.
struct PlanResult {
  std::optional<SweepPlan> plan;      // set exactly when problems is empty
  std::vector<std::string> problems;  // complete lines, e.g. "SWEEP: /sweep/axes/0/key: ..." or
                                      // "SWEEP: points 0-3 (of 8): BASE: /shards/n: expected ..."
};

// Plans `sweep`: checks each axis key names a scenario key, then loads every point's scenario
// (and runs `check` on it when given). A problem shared by several points is listed once with
// the points it affects. Never throws for bad input.
PlanResult plan_sweep(const SweepSpec& sweep, const ScenarioCheck& check = {});

// load_sweep_file then plan_sweep.
PlanResult plan_sweep_file(const std::string& path, const ScenarioCheck& check = {});

// The SHA-256 of `document` without its "plan_sha256" key, as compact JSON.
std::string plan_sha256(nlohmann::json document);

}  // namespace sliversim::sweep
