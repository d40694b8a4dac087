// sliversim validate SCENARIO... [--set /json/pointer=value]... [--resolved]: checks scenario
// files without simulating anything. Prints "FILE: ok" (and with --resolved the scenario with
// its defaults filled in) for each valid file; every problem of every invalid file
// becomes one error line, and the exit code is 2 when any file is invalid. A sweep file (a
// top-level "sweep" key) is checked with every point it expands to ("FILE: ok", then
// "  sweep NAME: N points, each a valid scenario"; with --resolved, its plan).
#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"
#include "sim/cli/scenario_run.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/sweep/sweep_plan.hpp"

namespace sliversim::cli {

int cmd_validate(const Args& args, std::ostream& out) {
  namespace po = boost::program_options;
  po::options_description opts("sliversim validate SCENARIO... [options]");
  opts.add_options()("help,h", "show this help")(
      "resolved", "also print each valid scenario resolved (defaults filled in) as JSON")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "override a key before validation: --set /json/pointer=value (value as JSON, else a "
      "string); repeatable, applied in order to every file");
  const std::optional<po::variables_map> parsed =
      parse_with_positionals(args, opts, "scenario", out);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  if (vm.count("scenario") == 0U) {
    throw CliError("validate: expected at least one scenario file, got none");
  }
  const auto overrides =
      vm.count("set") != 0U ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
  std::vector<std::string> problems;
  for (const auto& path : vm["scenario"].as<std::vector<std::string>>()) {
    if (sweep::is_sweep_file(path)) {  // every point checked as `sliversim sweep` checks them
      if (!overrides.empty()) {
        problems.push_back(path +
                           ": --set: expected scenario files only, got a sweep file (put "
                           "its keys in the sweep's base or axes)");
        continue;
      }
      sweep::PlanResult plan = sweep::plan_sweep_file(path, runnable_problems);
      for (auto& line : plan.problems) problems.push_back(std::move(line));
      if (!plan.plan) continue;
      out << path << ": ok\n  sweep " << plan.plan->sweep.name << ": " << plan.plan->points.size()
          << " points, each a valid scenario\n";
      if (vm.count("resolved") != 0U) out << plan.plan->document.dump(2) << "\n";
      continue;
    }
    scenario::LoadResult result = scenario::load_scenario(path, overrides);
    if (result.scenario) {
      // The checks `run` makes before simulating (the world's limits), as for a sweep's points.
      std::vector<std::string> limits = runnable_problems(*result.scenario);
      if (!limits.empty()) {
        for (auto& line : limits) problems.push_back(std::move(line));
        continue;
      }
      out << path << ": ok\n";
      if (vm.count("resolved") != 0U) out << result.scenario->resolved.dump(2) << "\n";
      continue;
    }
    for (auto& line : result.problems) problems.push_back(std::move(line));
  }
  if (!problems.empty()) throw CliError(kExitBadInput, std::move(problems));
  return kExitOk;
}

}  // namespace sliversim::cli
