// sliversim sweep SWEEP.json --out-dir DIR [--shard I/N] [--threads N] [--quiet] [--dry-run]:
// expands the sweep's grid, validates every point's scenario (any invalid point: exit 2, nothing
// simulated), writes the plan to DIR/sweep.json (once; a folder holding another plan is refused)
// and runs each point of the shard (index % N == I) through the same simulation as `sliversim
// run`, into DIR/point-NNNNN.json, written atomically. A point whose file is already a complete
// results file of the same plan and resolved scenario is skipped; any other file there is
// recomputed. One line per point on stdout (unless --quiet); the world's progress line on stderr
// when it is a terminal. --dry-run makes every check a run makes, lists the shard's points and
// whether each is done, and writes nothing.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"
#include "sim/cli/scenario_run.hpp"
#include "sim/report/results.hpp"
#include "sim/schemes/process_memory.hpp"
#include "sim/sweep/plan_file.hpp"
#include "sim/sweep/point_file.hpp"
#include "sim/sweep/shard_spec.hpp"
#include "sim/sweep/sweep_plan.hpp"

namespace sliversim::cli {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

struct SweepOptions {
  std::string sweep_file;
  fs::path out_dir;
  sweep::ShardSpec shard;
  unsigned threads = 1;
  bool quiet = false;
  bool dry_run = false;
};

po::options_description visible_options() {
  po::options_description opts("sliversim sweep SWEEP.json --out-dir DIR [options]");
  opts.add_options()("help,h", "show this help")(
      "out-dir", po::value<std::string>(), "folder of the plan and the point files (required)")(
      "shard", po::value<std::string>(),
      "run only shard I of N: the points with index % N == I (e.g. "
      "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT); default 0/1")(
      "threads", po::value<std::string>(),
      "worker threads of each point, 0 = all cores (default 0)")(
      "quiet", "no per-point lines and no progress line")(
      "dry-run", "list the shard's points and their state; write and run nothing");
  return opts;
}

// Parses the arguments; returns nullopt after printing the help.
std::optional<SweepOptions> parse_options(const Args& args, std::ostream& out) {
  const po::options_description opts = visible_options();
  const std::optional<po::variables_map> parsed = parse_with_positionals(args, opts, "sweep", out);
  if (!parsed) return std::nullopt;
  const po::variables_map& vm = *parsed;
  const auto files = positionals(vm, "sweep");
  if (files.size() != 1) {
    throw CliError(fmt::format("sweep: expected one sweep file, got {}", files.size()));
  }
  if (vm.count("out-dir") == 0U) throw CliError("sweep: --out-dir: expected a folder, got none");
  SweepOptions o;
  o.sweep_file = files.front();
  o.out_dir = vm["out-dir"].as<std::string>();
  if (vm.count("shard") != 0U) {
    std::string error;
    const auto shard = sweep::parse_shard_spec(vm["shard"].as<std::string>(), &error);
    if (!shard) throw CliError("sweep: --shard: " + error);
    o.shard = *shard;
  }
  o.threads = parse_threads_option(
      vm.count("threads") != 0U ? vm["threads"].as<std::string>() : std::string("0"), "sweep");
  o.quiet = vm.count("quiet") != 0U;
  o.dry_run = vm.count("dry-run") != 0U;
  return o;
}

// Refuses (exit 2) a folder whose sweep.json is not this plan.
void check_existing_plan(const SweepOptions& o, const sweep::SweepPlan& plan) {
  const fs::path file = o.out_dir / "sweep.json";
  std::error_code ec;
  if (!fs::exists(file, ec)) return;
  const sweep::PlanFileResult existing = sweep::read_plan_file(file);
  if (existing.plan && existing.plan->sha256 == plan.sha256) return;
  throw CliError(fmt::format(
      "{}: expected the plan of {} (plan_sha256 {}), got {}; use another --out-dir, or remove "
      "the folder to start over",
      file.string(), o.sweep_file, plan.sha256,
      existing.plan ? "another plan (" + existing.plan->sha256 + ")"
                    : std::string("a file that is not a plan")));
}

// Creates DIR and writes DIR/sweep.json unless it is already there.
// REQUIRES: check_existing_plan passed.
void write_plan(const SweepOptions& o, const sweep::SweepPlan& plan) {
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) {
    throw CliError(
        fmt::format("{}: cannot create the folder: {}", o.out_dir.string(), ec.message()));
  }
  const fs::path file = o.out_dir / "sweep.json";
  if (fs::exists(file, ec)) return;
  try {
    sweep::write_file_atomically(file, plan.document.dump(2) + "\n");
  } catch (const std::runtime_error& e) {
    throw CliError(e.what());
  }
}

// Simulates one point and writes its file. Returns the wall seconds it took.
double run_point(const SweepOptions& o, const sweep::SweepPlan& plan,
                 const sweep::PlannedPoint& point, const fs::path& file) {
  const auto started = std::chrono::steady_clock::now();
  SimulationSettings settings;
  settings.threads = o.threads;
  settings.progress = !o.quiet && isatty(STDERR_FILENO) == 1;
  nlohmann::json results;
  try {
    const Simulation sim = simulate_scenario(point.scenario, settings);
    results = simulation_results(point.scenario, sim, o.threads, started, 0.0);
  } catch (const CliError& e) {
    std::vector<std::string> lines;
    for (const auto& line : e.lines()) lines.push_back(file.filename().string() + ": " + line);
    throw CliError(e.exit_code(), std::move(lines));
  }
  // The point's slivers (GiBs for large blobs) were freed in the heaps of the threads that made
  // them; hand the pages back so the next point's peak does not add to this one's.
  schemes::return_free_memory();
  results["sweep"] = sweep::point_sweep_block(plan, point);
  try {
    sweep::write_file_atomically(file, results.dump(2) + "\n");
  } catch (const std::runtime_error& e) {
    throw CliError(kExitRegression, {e.what()});
  }
  return seconds_since(started);
}

// The shard's points, in point order.
std::vector<const sweep::PlannedPoint*> shard_points(const SweepOptions& o,
                                                     const sweep::SweepPlan& plan) {
  std::vector<const sweep::PlannedPoint*> points;
  for (const sweep::PlannedPoint& p : plan.points) {
    if (sweep::shard_contains(o.shard, p.point.index)) points.push_back(&p);
  }
  return points;
}

// Every point still to run must fit the memory budget; each world is simulated (quietly) to
// tell. Throws CliError (exit 2) naming every point that does not, before any runs.
void check_points_fit(const SweepOptions& o, const sweep::SweepPlan& plan,
                      const std::vector<const sweep::PlannedPoint*>& points) {
  std::vector<std::string> problems;
  for (const sweep::PlannedPoint* p : points) {
    const fs::path file = o.out_dir / sweep::point_file_name(p->point.index);
    if (sweep::existing_point_problem(file, plan, *p, report::kResultsSchemaVersion).empty()) {
      continue;  // already complete: it will not run
    }
    const std::string problem = memory_problem(p->scenario, o.threads);
    if (!problem.empty()) problems.push_back(file.filename().string() + ": " + problem);
  }
  if (!problems.empty()) throw CliError(kExitBadInput, std::move(problems));
}

void print_header(const SweepOptions& o, const sweep::SweepPlan& plan, std::size_t selected,
                  std::ostream& out) {
  out << fmt::format(
      "sweep {}: {} points ({} parameter combinations x {} seeds); shard {} has {}\n",
      plan.sweep.name, plan.points.size(), plan.points.size() / plan.sweep.grid.seeds.size(),
      plan.sweep.grid.seeds.size(), sweep::to_string(o.shard), selected);
}

}  // namespace

int cmd_sweep(const Args& args, std::ostream& out) {
  const std::optional<SweepOptions> o = parse_options(args, out);
  if (!o) return kExitOk;
  sweep::PlanResult planned = sweep::plan_sweep_file(o->sweep_file, runnable_problems);
  if (!planned.plan) throw CliError(kExitBadInput, std::move(planned.problems));
  const sweep::SweepPlan& plan = *planned.plan;
  const std::vector<const sweep::PlannedPoint*> points = shard_points(*o, plan);
  check_existing_plan(*o, plan);
  print_header(*o, plan, points.size(), out);
  if (!o->dry_run) {
    check_points_fit(*o, plan, points);
    write_plan(*o, plan);
  }
  std::size_t ran = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const sweep::PlannedPoint& p = *points[i];
    const fs::path file = o->out_dir / sweep::point_file_name(p.point.index);
    const std::string why =
        sweep::existing_point_problem(file, plan, p, report::kResultsSchemaVersion);
    const std::string head =
        fmt::format("[{}/{}] {} ({})", i + 1, points.size(), file.filename().string(),
                    sweep::point_label(plan.sweep.grid, p.point));
    if (o->dry_run) {
      out << head << ": " << (why.empty() ? "done" : "to run") << "\n";
      continue;
    }
    if (why.empty()) {
      if (!o->quiet) out << head << ": skipped, already complete\n";
      continue;
    }
    if (!o->quiet && why != "no such file") out << head << ": recomputing (" << why << ")\n";
    const double seconds = run_point(*o, plan, p, file);
    ++ran;
    if (!o->quiet) out << head << fmt::format(": done in {:.1f} s\n", seconds) << std::flush;
  }
  if (o->dry_run) return kExitOk;
  out << fmt::format("sweep {}: shard {}: {} run, {} already complete; results in {}\n",
                     plan.sweep.name, sweep::to_string(o->shard), ran, points.size() - ran,
                     o->out_dir.string());
  return kExitOk;
}

}  // namespace sliversim::cli
