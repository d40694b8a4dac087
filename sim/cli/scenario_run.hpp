// The simulation behind `sliversim run` and every point of `sliversim sweep`: one code path from
// a loaded scenario to its results JSON, so a sweep point's file is exactly what `run` writes for
// the same scenario and seed. Failures are CliErrors (exit 2 for bad input).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/model/world_trace.hpp"
#include "sim/report/results.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/schemes/scheme_run.hpp"

namespace sliversim::cli {

// The largest --threads value.
inline constexpr unsigned kMaxThreads = 1024;

// A decimal integer in [lo, hi]. Throws CliError (exit 2) "COMMAND: OPTION: expected an integer
// in [lo, hi], got "TEXT"" otherwise.
std::uint64_t parse_integer_option(const std::string& text, const char* command, const char* option,
                                   std::uint64_t lo, std::uint64_t hi);

// The worker threads of a --threads value (0 = every core). Throws CliError as
// parse_integer_option.
unsigned parse_threads_option(const std::string& text, const char* command);

// The checks a run makes of a valid scenario beyond the loader's (the world's limits), as
// problem lines "SCENARIO: /json/pointer: expected ..."; empty when the scenario may run.
std::vector<std::string> runnable_problems(const scenario::LoadedScenario& loaded);

// load_scenario then runnable_problems. Throws CliError (exit 2) listing every problem.
scenario::LoadedScenario load_runnable_scenario(const std::string& path,
                                                const std::vector<std::string>& overrides);

// How to simulate.
struct SimulationSettings {
  unsigned threads = 1;   // codec and scheme workers
  bool progress = false;  // a progress line on stderr while the world and the schemes run
  // Called once the run is known to fit the memory budget, before the schemes run (e.g. to
  // check the output files can be written); may throw CliError.
  std::function<void()> before_schemes;
};

// What a simulation produced.
struct Simulation {
  model::WorldTrace world;
  std::vector<schemes::SchemeOutcome> outcomes;
  double world_seconds = 0.0;    // wall clock
  double schemes_seconds = 0.0;  // wall clock
  unsigned schemes_at_once = 1;  // as the memory budget allowed (timing only)
  unsigned repair_blobs_at_once = 1;
};

// Simulates `loaded`'s world, then replays it through every enabled scheme, as many at once as
// run.memory_budget_gib allows. Throws CliError (exit 2) when a scheme cannot be made for the
// scenario or the largest scheme alone would exceed the memory budget (before any scheme runs).
// REQUIRES: runnable_problems(loaded) is empty.
Simulation simulate_scenario(const scenario::LoadedScenario& loaded,
                             const SimulationSettings& settings);

// The memory check of simulate_scenario on its own: simulates `loaded`'s world (quietly) and
// returns the refusal line when the largest scheme alone would exceed the memory budget, or an
// empty string. Lets a sweep refuse before any point runs.
// REQUIRES: runnable_problems(loaded) is empty.
std::string memory_problem(const scenario::LoadedScenario& loaded, unsigned threads);

// The results JSON of a simulation (report/results.hpp), its timing measured from `started`
// (the command's start) with `load_seconds` spent loading.
nlohmann::json simulation_results(const scenario::LoadedScenario& loaded, const Simulation& sim,
                                  unsigned threads, std::chrono::steady_clock::time_point started,
                                  double load_seconds);

// Wall seconds since `start`.
double seconds_since(std::chrono::steady_clock::time_point start);

}  // namespace sliversim::cli
