// sliversim run SCENARIO [--seed N] [--set /json/pointer=value]... [--out FILE]
// [--events FILE.jsonl] [--threads N] [--quiet]: loads the scenario (every problem is an error
// line, exit 2, nothing simulated), simulates its world, and writes the results JSON to --out
// (default results/<scenario file stem>.json under the current directory, folders created) and,
// with --events, one JSON line per world event. Prints a short summary on stdout; a progress
// line on stderr only when stderr is a terminal and --quiet is not given. --seed N is applied as
// the override /run/seed=N, so the resolved scenario in the results shows the seed used. Then every
// enabled scheme replays the world (sim/schemes/scheme_run.hpp) on up to --threads threads, with
// the same results whatever the count; a run whose stored units would exceed
// run.memory_budget_gib is refused (exit 2) before the schemes run or anything is written. The
// per-scheme totals end the summary.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <thread>

// GCC 12 reports a false "potential null pointer dereference" inside Boost.Program_options'
// typed_value templates; it is silenced for that header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/program_options.hpp>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/model/world.hpp"
#include "sim/report/event_log.hpp"
#include "sim/report/progress_line.hpp"
#include "sim/report/results.hpp"
#include "sim/report/scheme_results.hpp"
#include "sim/report/world_json.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/schemes/scheme_factory.hpp"
#include "sim/schemes/scheme_run.hpp"

namespace sliversim::cli {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

constexpr unsigned kMaxThreads = 1024;

struct RunOptions {
  std::string scenario;
  std::vector<std::string> overrides;
  fs::path out;
  std::optional<fs::path> events;
  unsigned threads = 1;
  bool quiet = false;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A decimal integer in [lo, hi], or a CliError naming the option.
std::uint64_t parse_integer(const std::string& text, const char* option, std::uint64_t lo,
                            std::uint64_t hi) {
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
    throw CliError(
        fmt::format("run: {}: expected an integer in [{}, {}], got \"{}\"", option, lo, hi, text));
  }
  return value;
}

po::options_description visible_options() {
  po::options_description opts("sliversim run SCENARIO [options]");
  opts.add_options()("help,h", "show this help")(
      "seed", po::value<std::string>(), "seed of every random stream (overrides /run/seed)")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "override a key: --set /json/pointer=value (value as JSON, else a string); repeatable")(
      "out", po::value<std::string>(), "results JSON file (default: results/<scenario stem>.json)")(
      "events", po::value<std::string>(), "also write every world event, one JSON per line")(
      "threads", po::value<std::string>(), "worker threads, 0 = all cores (default 0)")(
      "quiet", "no progress line on stderr");
  return opts;
}

// The options of a parsed command line naming `scenario`.
RunOptions options_from(const po::variables_map& vm, const std::string& scenario) {
  RunOptions o;
  o.scenario = scenario;
  if (vm.count("set") != 0U) o.overrides = vm["set"].as<std::vector<std::string>>();
  if (vm.count("seed") != 0U) {
    const std::string& seed = vm["seed"].as<std::string>();
    o.overrides.push_back(
        fmt::format("/run/seed={}",
                    parse_integer(seed, "--seed", 0, std::numeric_limits<std::uint64_t>::max())));
  }
  o.out = vm.count("out") != 0U
              ? fs::path(vm["out"].as<std::string>())
              : fs::path("results") / (fs::path(o.scenario).stem().string() + ".json");
  if (vm.count("events") != 0U) o.events = fs::path(vm["events"].as<std::string>());
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  const std::uint64_t threads =
      vm.count("threads") != 0U
          ? parse_integer(vm["threads"].as<std::string>(), "--threads", 0, kMaxThreads)
          : 0;
  o.threads = threads == 0 ? cores : static_cast<unsigned>(threads);
  o.quiet = vm.count("quiet") != 0U;
  return o;
}

// Parses the arguments; returns nullopt after printing the help.
std::optional<RunOptions> parse_options(const Args& args, std::ostream& out) {
  const po::options_description opts = visible_options();
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::vector<std::string>>(), "scenario file");
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positional;
  positional.add("scenario", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help") != 0U) {
    out << opts;
    return std::nullopt;
  }
  const auto scenarios = vm.count("scenario") != 0U ? vm["scenario"].as<std::vector<std::string>>()
                                                    : std::vector<std::string>{};
  if (scenarios.size() != 1) {
    throw CliError(fmt::format("run: expected one scenario file, got {}", scenarios.size()));
  }
  return options_from(vm, scenarios.front());
}

// Creates the file's folder and checks the file can be written, before anything is simulated.
void prepare_output(const fs::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  std::ofstream probe(path, std::ios::binary | std::ios::app);
  if (ec || !probe) {
    throw CliError(
        fmt::format("{}: cannot write{}", path.string(), ec ? ": " + ec.message() : std::string()));
  }
}

scenario::LoadedScenario load(const RunOptions& o) {
  scenario::LoadResult result = scenario::load_scenario(o.scenario, o.overrides);
  if (!result.scenario) throw CliError(kExitBadInput, std::move(result.problems));
  std::vector<std::string> problems;
  for (const auto& p : model::check_world_limits(result.scenario->config)) {
    problems.push_back(o.scenario + ": " + p);
  }
  if (!problems.empty()) throw CliError(kExitBadInput, std::move(problems));
  return std::move(*result.scenario);
}

// The enabled schemes in results order (redstuff, rs_rebuild, replication, msr_bound), made for
// the scenario's shards, with `threads` codec workers per call.
std::vector<std::unique_ptr<schemes::StorageScheme>> make_schemes(
    const RunOptions& o, const scenario::ScenarioConfig& c) {
  const std::pair<std::string_view, bool> wanted[] = {
      {"redstuff", c.schemes.redstuff.enabled},
      {"rs_rebuild", c.schemes.rs_rebuild.enabled},
      {"replication", c.schemes.replication.enabled},
      {"msr_bound", c.schemes.msr_bound.enabled}};
  schemes::SchemeConfig config;
  config.n_shards = c.shards.n;
  config.replication_copies = c.schemes.replication.copies;
  config.threads = o.threads;
  std::vector<std::unique_ptr<schemes::StorageScheme>> list;
  for (const auto& [name, enabled] : wanted) {
    if (!enabled) continue;
    std::string error;
    auto scheme = schemes::make_scheme(name, config, &error);
    if (!scheme) {
      throw CliError(kExitBadInput, {fmt::format("{}: /schemes/{}: {}", o.scenario, name, error)});
    }
    list.push_back(std::move(scheme));
  }
  return list;
}

// Refuses (exit 2, nothing written) a run whose largest scheme alone would exceed the memory
// budget; otherwise runs as many schemes at once as fit (results do not depend on it).
// Returns how many schemes may run at once within the budget.
unsigned check_memory(const RunOptions& o, const scenario::ScenarioConfig& c,
                      const model::WorldTrace& world,
                      const std::vector<std::unique_ptr<schemes::StorageScheme>>& list) {
  const schemes::MemoryEstimate memory = schemes::estimate_memory(
      world, list, c.schemes.replication.copies, o.threads, c.run.memory_budget_gib);
  if (!memory.fits()) {
    throw CliError(kExitBadInput, {o.scenario + ": " + schemes::memory_refusal_message(memory)});
  }
  return memory.concurrency;
}

void print_summary(const RunOptions& o, const model::WorldTrace& w, std::ostream& out) {
  const nlohmann::json s = report::world_json(w)["summary"];
  const nlohmann::json& f = s["failures"];
  out << fmt::format("scenario: {} (seed {})\n", o.scenario, w.seed)
      << fmt::format("world: {} epochs, {} nodes at the start, {} alive at the end\n",
                     s["epochs"].get<std::uint64_t>(), w.initial_nodes,
                     s["final_alive_nodes"].get<std::uint64_t>())
      << fmt::format(
             "churn: failures {} permanent, {} transient, {} correlated, {} trace; "
             "{} joins, {} leaves\n",
             f["permanent"].get<std::uint64_t>(), f["transient"].get<std::uint64_t>(),
             f["correlated"].get<std::uint64_t>(), f["trace"].get<std::uint64_t>(),
             s["joins"].get<std::uint64_t>(), s["leaves"].get<std::uint64_t>())
      << fmt::format(
             "shards: {} moves ({} cooperative); blobs: {} written, {} expired\n",
             s["shard_moves"].get<std::uint64_t>(), s["cooperative_moves"].get<std::uint64_t>(),
             s["blobs_written"].get<std::uint64_t>(), s["blobs_expired"].get<std::uint64_t>())
      << fmt::format("trace digest: {}\nresults: {}\n", w.digest_hex, o.out.string());
  if (o.events) out << fmt::format("events: {}\n", o.events->string());
}

}  // namespace

int cmd_run(const Args& args, std::ostream& out) {
  const auto started = std::chrono::steady_clock::now();
  const std::optional<RunOptions> o = parse_options(args, out);
  if (!o) return kExitOk;
  const scenario::LoadedScenario loaded = load(*o);
  const double load_seconds = seconds_since(started);

  report::ProgressLine progress(std::cerr, !o->quiet && isatty(STDERR_FILENO) == 1);
  const auto world_started = std::chrono::steady_clock::now();
  const model::WorldTrace world = model::simulate_world(loaded.config, &progress);
  const double world_seconds = seconds_since(world_started);
  progress.finish();
  std::vector<std::unique_ptr<schemes::StorageScheme>> scheme_list =
      make_schemes(*o, loaded.config);
  const unsigned concurrency = check_memory(*o, loaded.config, world, scheme_list);
  prepare_output(o->out);
  if (o->events) prepare_output(*o->events);
  const auto schemes_started = std::chrono::steady_clock::now();
  const std::vector<schemes::SchemeOutcome> outcomes =
      schemes::run_schemes(world, scheme_list, schemes::driver_options(loaded.config), concurrency);
  const double schemes_seconds = seconds_since(schemes_started);

  if (o->events) {
    std::ofstream log(*o->events, std::ios::binary | std::ios::trunc);
    if (!report::write_event_log(world, log)) {
      throw CliError(kExitRegression, {o->events->string() + ": cannot write"});
    }
  }
  report::RunRecord record;
  record.scenario = &loaded;
  record.world = &world;
  record.schemes = report::schemes_json(outcomes, world);
  record.comparison = report::comparison_json(outcomes);
  record.timing = {seconds_since(started), load_seconds,
                   world_seconds,          o->threads,
                   schemes_seconds,        report::schemes_timing_json(outcomes)};
  report::write_json_file(o->out, report::results_json(record));
  print_summary(*o, world, out);
  out << report::scheme_totals_text(outcomes);
  return kExitOk;
}

}  // namespace sliversim::cli
