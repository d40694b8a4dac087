// The results file of a run (DESIGN.md "Results JSON"): schema_version 1, tool provenance, the
// scenario (path, SHA-256, --set overrides, resolved JSON), seed, trace_digest, the `world`
// object (world_json.hpp), the `schemes` and `comparison` objects (empty until schemes run) and
// `timing`, which holds every wall-clock figure and nothing else. Everything outside `timing`
// (and `tool`, which names the binary) is a pure function of the scenario and the seed.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/model/world_trace.hpp"
#include "sim/scenario/loader.hpp"

namespace sliversim::report {

// The version of the results layout; bumped when a documented key changes meaning or goes.
inline constexpr int kResultsSchemaVersion = 1;

// Wall-clock figures of a run.
struct Timing {
  double wall_seconds = 0.0;                             // the whole command
  double load_seconds = 0.0;                             // loading and validating the scenario
  double world_seconds = 0.0;                            // simulating the world
  unsigned threads = 1;                                  // worker threads the run was allowed
  unsigned schemes_at_once = 1;                          // schemes replayed side by side
  unsigned repair_blobs_at_once = 1;                     // blobs each scheme repaired at once
  double schemes_seconds = 0.0;                          // replaying the world through every scheme
  nlohmann::json per_scheme = nlohmann::json::object();  // scheme_results.hpp timing
};

// What a results file is made of.
struct RunRecord {
  const scenario::LoadedScenario* scenario = nullptr;
  const model::WorldTrace* world = nullptr;
  nlohmann::json schemes = nlohmann::json::object();     // per scheme (issue 5)
  nlohmann::json comparison = nlohmann::json::object();  // ratios to redstuff (issue 5)
  Timing timing;
};

// The results JSON of `record`. REQUIRES: record.scenario and record.world are set.
nlohmann::json results_json(const RunRecord& record);

// `results` without the keys that may differ between identical runs (timing, tool): what
// determinism checks and golden files compare.
nlohmann::json deterministic_part(nlohmann::json results);

}  // namespace sliversim::report
