// sliversim compare BASELINE.json CANDIDATE.json [--rel-tol X] [--abs-tol Y] [--metric PATH]...
// [--per-epoch] [--strict] [--all] [--allow-different-scenario] [--json FILE]: the CI regression
// gate (sim/compare/compare.hpp has the rules). Prints the table of metrics that differ and a
// summary; returns 1 when a metric worsened beyond tolerance (or another failing verdict), 0
// otherwise. Unusable input (unreadable or malformed files, not results files, different schema
// versions, different scenarios or seeds, bad options, a --metric that selects nothing) is a
// CliError with exit 2, and nothing is compared.
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"
#include "sim/compare/compare.hpp"
#include "sim/compare/compare_render.hpp"
#include "sim/compare/results_input.hpp"

namespace sliversim::cli {
namespace {

namespace po = boost::program_options;

struct CompareCommand {
  std::string baseline;
  std::string candidate;
  compare::CompareOptions options;
  bool all = false;
  bool allow_different_scenario = false;
  std::optional<std::string> json_out;
};

// A decimal number (all of `text`), or a CliError naming the option.
double parse_number(const std::string& text, const char* option) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      value < 0.0) {
    throw CliError(
        fmt::format("compare: {}: expected a finite number >= 0, got \"{}\"", option, text));
  }
  return value;
}

po::options_description visible_options() {
  po::options_description opts("sliversim compare BASELINE.json CANDIDATE.json [options]");
  opts.add_options()("help,h", "show this help")(
      "rel-tol", po::value<std::string>(),
      "tolerated worsening as a fraction of |baseline| (default 1e-9)")(
      "abs-tol", po::value<std::string>(),
      "tolerated worsening in the metric's unit (default 0); the larger tolerance applies")(
      "metric", po::value<std::vector<std::string>>()->composing(),
      "compare only these: a JSON pointer or glob (/schemes/*/summary/repair_bytes_total); "
      "repeatable")("per-epoch", "also compare the per-epoch series")(
      "strict", "metrics with no better direction fail when they change")(
      "all", "list every metric, not only those that differ")(
      "allow-different-scenario", "compare results of different scenarios or seeds")(
      "json", po::value<std::string>(), "also write the comparison as JSON to this file");
  return opts;
}

CompareCommand command_from(const po::variables_map& vm, const std::vector<std::string>& files) {
  CompareCommand c;
  c.baseline = files[0];
  c.candidate = files[1];
  if (vm.count("rel-tol") != 0U) {
    c.options.rel_tol = parse_number(vm["rel-tol"].as<std::string>(), "--rel-tol");
  }
  if (vm.count("abs-tol") != 0U) {
    c.options.abs_tol = parse_number(vm["abs-tol"].as<std::string>(), "--abs-tol");
  }
  if (vm.count("metric") != 0U)
    c.options.metric_patterns = vm["metric"].as<std::vector<std::string>>();
  c.options.per_epoch = vm.count("per-epoch") != 0U;
  c.options.strict = vm.count("strict") != 0U;
  c.all = vm.count("all") != 0U;
  c.allow_different_scenario = vm.count("allow-different-scenario") != 0U;
  if (vm.count("json") != 0U) c.json_out = vm["json"].as<std::string>();
  return c;
}

// Parses the arguments; returns nullopt after printing the help.
std::optional<CompareCommand> parse_command(const Args& args, std::ostream& out) {
  const po::options_description opts = visible_options();
  const std::optional<po::variables_map> parsed = parse_with_positionals(args, opts, "file", out);
  if (!parsed) return std::nullopt;
  const po::variables_map& vm = *parsed;
  const auto files = positionals(vm, "file");
  if (files.size() != 2) {
    throw CliError(fmt::format("compare: expected two results files (BASELINE CANDIDATE), got {}",
                               files.size()));
  }
  CompareCommand command = command_from(vm, files);
  std::vector<std::string> problems = compare::options_problems(command.options);
  if (!problems.empty()) {
    for (auto& line : problems) line = "compare: " + line;
    throw CliError(kExitBadInput, std::move(problems));
  }
  return command;
}

void write_json(const std::string& path, const nlohmann::json& value) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << value.dump(2) << "\n";
  file.flush();
  if (!file) throw CliError(fmt::format("{}: cannot write", path));
}

}  // namespace

int cmd_compare(const Args& args, std::ostream& out) {
  const std::optional<CompareCommand> command = parse_command(args, out);
  if (!command) return kExitOk;
  compare::CompareContext context{command->baseline, command->candidate, command->options, {}};
  std::optional<compare::CompareReport> report;
  try {
    const compare::ResultsFile baseline = compare::load_results_file(command->baseline);
    const compare::ResultsFile candidate = compare::load_results_file(command->candidate);
    context.notes =
        compare::check_comparable(baseline, candidate, command->allow_different_scenario);
    std::vector<std::string> unmatched;
    report =
        compare::compare_results(baseline.value, candidate.value, command->options, &unmatched);
    if (!unmatched.empty()) {
      std::vector<std::string> lines;
      for (const auto& pattern : unmatched) {
        lines.push_back(fmt::format(
            "compare: --metric {}: selects no numeric value in {} or {}{}", pattern,
            command->baseline, command->candidate,
            !command->options.per_epoch && pattern.find("per_epoch") != std::string::npos
                ? " (per-epoch series need --per-epoch)"
                : ""));
      }
      throw CliError(kExitBadInput, std::move(lines));
    }
  } catch (const compare::UnusableInput& e) {
    throw CliError(kExitBadInput, e.lines());
  }
  out << compare::report_text(*report, context, command->all);
  if (command->json_out) write_json(*command->json_out, compare::report_json(*report, context));
  return report->regressed() ? kExitRegression : kExitOk;
}

}  // namespace sliversim::cli
