// sliversim run SCENARIO [--seed N] [--set /json/pointer=value]... [--out FILE]
// [--events FILE.jsonl] [--threads N] [--progress] [--quiet]: loads the scenario (every problem is
// an error line, exit 2, nothing simulated), simulates its world, and writes the results JSON to
// --out (default results/<scenario file stem>.json under the current directory, folders created)
// and, with --events, one JSON line per world event. Prints a short summary on stdout; a progress
// line on stderr (the world, then each scheme's replay) when stderr is a terminal or --progress
// is given, never with --quiet. --seed N is applied as
// the override /run/seed=N, so the resolved scenario in the results shows the seed used. Then every
// enabled scheme replays the world (sim/schemes/scheme_run.hpp) on up to --threads threads, with
// the same results whatever the count; a run whose stored units would exceed
// run.memory_budget_gib is refused (exit 2) before the schemes run or anything is written. The
// per-scheme totals end the summary.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"
#include "sim/cli/scenario_run.hpp"
#include "sim/report/event_log.hpp"
#include "sim/report/results.hpp"
#include "sim/report/scheme_results.hpp"
#include "sim/report/world_json.hpp"
#include "sim/sweep/point_file.hpp"

namespace sliversim::cli {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

struct RunOptions {
  std::string scenario;
  std::vector<std::string> overrides;
  fs::path out;
  std::optional<fs::path> events;
  unsigned threads = 1;
  bool quiet = false;
  bool progress = false;  // --progress: the progress line even when stderr is not a terminal
};

po::options_description visible_options() {
  po::options_description opts("sliversim run SCENARIO [options]");
  opts.add_options()("help,h", "show this help")(
      "seed", po::value<std::string>(), "seed of every random stream (overrides /run/seed)")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "override a key: --set /json/pointer=value (value as JSON, else a string); repeatable")(
      "out", po::value<std::string>(), "results JSON file (default: results/<scenario stem>.json)")(
      "events", po::value<std::string>(), "also write every world event, one JSON per line")(
      "threads", po::value<std::string>(), "worker threads, 0 = all cores (default 0)")(
      "progress", "progress line on stderr even when it is not a terminal")(
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
    o.overrides.push_back(fmt::format(
        "/run/seed={}",
        parse_integer_option(seed, "run", "--seed", 0, std::numeric_limits<std::uint64_t>::max())));
  }
  o.out = vm.count("out") != 0U
              ? fs::path(vm["out"].as<std::string>())
              : fs::path("results") / (fs::path(o.scenario).stem().string() + ".json");
  if (vm.count("events") != 0U) o.events = fs::path(vm["events"].as<std::string>());
  o.threads = parse_threads_option(
      vm.count("threads") != 0U ? vm["threads"].as<std::string>() : std::string("0"), "run");
  o.quiet = vm.count("quiet") != 0U;
  o.progress = vm.count("progress") != 0U;
  return o;
}

// Parses the arguments; returns nullopt after printing the help.
std::optional<RunOptions> parse_options(const Args& args, std::ostream& out) {
  const po::options_description opts = visible_options();
  const std::optional<po::variables_map> parsed =
      parse_with_positionals(args, opts, "scenario", out);
  if (!parsed) return std::nullopt;
  const po::variables_map& vm = *parsed;
  const auto scenarios = positionals(vm, "scenario");
  if (scenarios.size() != 1) {
    throw CliError(fmt::format("run: expected one scenario file, got {}", scenarios.size()));
  }
  return options_from(vm, scenarios.front());
}

// Creates the file's folder and checks, before anything is simulated, that the file can be
// written there without creating or touching it: the folder takes a new file (a probe, created and
// removed), the path is not a folder, and an existing file (written in place, like the event log)
// opens for writing. A run that fails or is killed later leaves no empty file and an earlier one
// unchanged.
void prepare_output(const fs::path& path, bool in_place) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(folder, ec);
  std::string problem = ec ? ec.message() : std::string();
  if (problem.empty() && fs::is_directory(path, ec)) problem = "is a folder";
  if (problem.empty()) {
    const fs::path probe =
        folder / fmt::format(".{}.probe-{}", path.filename().string(), ::getpid());
    const bool created = static_cast<bool>(std::ofstream(probe, std::ios::binary));
    fs::remove(probe, ec);
    if (!created) problem = "cannot create files in " + folder.string();
  }
  if (problem.empty() && in_place && fs::exists(path, ec) &&
      !std::ofstream(path, std::ios::binary | std::ios::app)) {
    problem = "not writable";
  }
  if (!problem.empty()) throw CliError(fmt::format("{}: cannot write: {}", path.string(), problem));
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
  const scenario::LoadedScenario loaded = load_runnable_scenario(o->scenario, o->overrides);
  const double load_seconds = seconds_since(started);

  SimulationSettings settings;
  settings.threads = o->threads;
  settings.progress = !o->quiet && (o->progress || isatty(STDERR_FILENO) == 1);
  settings.before_schemes = [&o] {
    prepare_output(o->out, false);  // written through a temporary file and a rename
    if (o->events) prepare_output(*o->events, true);
  };
  const Simulation sim = simulate_scenario(loaded, settings);
  if (o->events) {
    std::ofstream log(*o->events, std::ios::binary | std::ios::trunc);
    if (!report::write_event_log(sim.world, log)) {
      throw CliError(kExitRegression, {o->events->string() + ": cannot write"});
    }
  }
  try {
    sweep::write_file_atomically(
        o->out, simulation_results(loaded, sim, o->threads, started, load_seconds).dump(2) + "\n");
  } catch (const std::runtime_error& e) {
    throw CliError(kExitRegression, {e.what()});
  }
  print_summary(*o, sim.world, out);
  out << report::scheme_totals_text(sim.outcomes);
  return kExitOk;
}

}  // namespace sliversim::cli
