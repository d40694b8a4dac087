// One scenario from loaded to results: the world, the schemes within the memory budget, and the
// results JSON (shared by run and sweep).
#include "sim/cli/scenario_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <limits>
#include <thread>

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/model/world.hpp"
#include "sim/report/progress_line.hpp"
#include "sim/report/scheme_results.hpp"
#include "sim/schemes/scheme_factory.hpp"

namespace sliversim::cli {
namespace {

// The enabled schemes in results order (redstuff, rs_rebuild, replication, msr_bound), made for
// the scenario's shards, with `threads` codec workers per call.
std::vector<std::unique_ptr<schemes::StorageScheme>> make_schemes(
    const scenario::LoadedScenario& loaded, unsigned threads) {
  const scenario::ScenarioConfig& c = loaded.config;
  const std::pair<std::string_view, bool> wanted[] = {
      {"redstuff", c.schemes.redstuff.enabled},
      {"rs_rebuild", c.schemes.rs_rebuild.enabled},
      {"replication", c.schemes.replication.enabled},
      {"msr_bound", c.schemes.msr_bound.enabled}};
  schemes::SchemeConfig config;
  config.n_shards = c.shards.n;
  config.replication_copies = c.schemes.replication.copies;
  config.threads = threads;
  std::vector<std::unique_ptr<schemes::StorageScheme>> list;
  for (const auto& [name, enabled] : wanted) {
    if (!enabled) continue;
    std::string error;
    auto scheme = schemes::make_scheme(name, config, &error);
    if (!scheme) {
      throw CliError(kExitBadInput, {fmt::format("{}: /schemes/{}: {}", loaded.path, name, error)});
    }
    list.push_back(std::move(scheme));
  }
  return list;
}

// Refuses (exit 2, nothing written) a run whose largest scheme alone would exceed the memory
// budget; otherwise returns how many schemes, and blobs' repairs in each, may run at once within
// it (results depend on neither).
schemes::MemoryEstimate check_memory(
    const scenario::LoadedScenario& loaded, unsigned threads, const model::WorldTrace& world,
    const std::vector<std::unique_ptr<schemes::StorageScheme>>& list) {
  const scenario::ScenarioConfig& c = loaded.config;
  const schemes::MemoryEstimate memory = schemes::estimate_memory(
      world, list, c.schemes.replication.copies, threads, c.run.memory_budget_gib);
  if (!memory.fits()) {
    throw CliError(kExitBadInput, {loaded.path + ": " + schemes::memory_refusal_message(memory)});
  }
  return memory;
}

}  // namespace

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::uint64_t parse_integer_option(const std::string& text, const char* command, const char* option,
                                   std::uint64_t lo, std::uint64_t hi) {
  std::uint64_t value = 0;
  bool ok = !text.empty() && text.size() <= 20;
  for (const char c : text) {
    if (c < '0' || c > '9') ok = false;
    if (!ok) break;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    ok = value <= (std::numeric_limits<std::uint64_t>::max() - digit) / 10;
    value = value * 10 + digit;
  }
  if (!ok || value < lo || value > hi) {
    throw CliError(fmt::format("{}: {}: expected an integer in [{}, {}], got \"{}\"", command,
                               option, lo, hi, text));
  }
  return value;
}

unsigned parse_threads_option(const std::string& text, const char* command) {
  const std::uint64_t threads = parse_integer_option(text, command, "--threads", 0, kMaxThreads);
  return threads == 0 ? std::max(1U, std::thread::hardware_concurrency())
                      : static_cast<unsigned>(threads);
}

std::vector<std::string> runnable_problems(const scenario::LoadedScenario& loaded) {
  std::vector<std::string> problems;
  for (const auto& p : model::check_world_limits(loaded.config)) {
    problems.push_back(loaded.path + ": " + p);
  }
  return problems;
}

scenario::LoadedScenario load_runnable_scenario(const std::string& path,
                                                const std::vector<std::string>& overrides) {
  scenario::LoadResult result = scenario::load_scenario(path, overrides);
  if (!result.scenario) throw CliError(kExitBadInput, std::move(result.problems));
  std::vector<std::string> problems = runnable_problems(*result.scenario);
  if (!problems.empty()) throw CliError(kExitBadInput, std::move(problems));
  return std::move(*result.scenario);
}

Simulation simulate_scenario(const scenario::LoadedScenario& loaded,
                             const SimulationSettings& settings) {
  Simulation sim;
  report::ProgressLine progress(std::cerr, settings.progress);
  const auto world_started = std::chrono::steady_clock::now();
  sim.world = model::simulate_world(loaded.config, &progress);
  sim.world_seconds = seconds_since(world_started);
  progress.finish();
  std::vector<std::unique_ptr<schemes::StorageScheme>> scheme_list =
      make_schemes(loaded, settings.threads);
  const schemes::MemoryEstimate memory =
      check_memory(loaded, settings.threads, sim.world, scheme_list);
  if (memory.repair_blobs_at_once > 1) {
    // Blobs repaired at once share the threads: their codec workers are divided among them.
    scheme_list =
        make_schemes(loaded, std::max(1U, settings.threads / memory.repair_blobs_at_once));
  }
  if (settings.before_schemes) settings.before_schemes();
  const auto schemes_started = std::chrono::steady_clock::now();
  schemes::DriverOptions options = schemes::driver_options(loaded.config);
  options.repair_blobs_at_once = memory.repair_blobs_at_once;
  sim.schemes_at_once = memory.concurrency;
  sim.repair_blobs_at_once = memory.repair_blobs_at_once;
  sim.outcomes =
      schemes::run_schemes(sim.world, scheme_list, options, memory.concurrency, &progress);
  sim.schemes_seconds = seconds_since(schemes_started);
  progress.finish();
  return sim;
}

std::string memory_problem(const scenario::LoadedScenario& loaded, unsigned threads) {
  const model::WorldTrace world = model::simulate_world(loaded.config, nullptr);
  try {
    (void)check_memory(loaded, threads, world, make_schemes(loaded, threads));
  } catch (const CliError& e) {
    return e.lines().empty() ? std::string("memory budget exceeded") : e.lines().front();
  }
  return {};
}

nlohmann::json simulation_results(const scenario::LoadedScenario& loaded, const Simulation& sim,
                                  unsigned threads, std::chrono::steady_clock::time_point started,
                                  double load_seconds) {
  report::RunRecord record;
  record.scenario = &loaded;
  record.world = &sim.world;
  record.schemes = report::schemes_json(sim.outcomes, sim.world);
  record.comparison = report::comparison_json(sim.outcomes);
  record.timing = {seconds_since(started), load_seconds,
                   sim.world_seconds,      threads,
                   sim.schemes_at_once,    sim.repair_blobs_at_once,
                   sim.schemes_seconds,    report::schemes_timing_json(sim.outcomes)};
  return report::results_json(record);
}

}  // namespace sliversim::cli
