// sliversim merge DIR --out TABLE.csv [--json FILE] [--metric PATH]... [--allow-missing]: merges
// a sweep folder (DIR/sweep.json and its point files) into one row per parameter combination and
// metric, with n, mean, sample stdev and the Student's t 95 % interval across seeds; writes the
// CSV to --out and the JSON to --json (default: TABLE.json beside the CSV), each atomically.
// Point files of another sweep or plan, missing points (unless --allow-missing) and unusable
// --metric patterns are refused with exit 2 and nothing written.
#include <filesystem>

#include <fmt/format.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"
#include "sim/sweep/merged_output.hpp"
#include "sim/sweep/point_file.hpp"
#include "sim/sweep/sweep_grid.hpp"
#include "sim/sweep/sweep_merge.hpp"

namespace sliversim::cli {
namespace {

namespace fs = std::filesystem;
namespace po = boost::program_options;

struct MergeCommandOptions {
  fs::path dir;
  fs::path csv;
  fs::path json;
  sweep::MergeOptions merge;
};

po::options_description visible_options() {
  po::options_description opts("sliversim merge DIR --out TABLE.csv [options]");
  opts.add_options()("help,h", "show this help")("out", po::value<std::string>(),
                                                 "the merged table as CSV (required)")(
      "json", po::value<std::string>(), "the merged table as JSON (default: TABLE.json)")(
      "metric", po::value<std::vector<std::string>>()->composing(),
      "merge only these metrics: a JSON pointer or a pattern such as "
      "/schemes/*/summary/repair_bytes_total; repeatable (default: every summary metric)")(
      "allow-missing", "merge the points present when some are missing");
  return opts;
}

std::optional<MergeCommandOptions> parse_options(const Args& args, std::ostream& out) {
  const po::options_description opts = visible_options();
  const std::optional<po::variables_map> parsed = parse_with_positionals(args, opts, "dir", out);
  if (!parsed) return std::nullopt;
  const po::variables_map& vm = *parsed;
  const auto dirs = positionals(vm, "dir");
  if (dirs.size() != 1) {
    throw CliError(fmt::format("merge: expected one sweep folder, got {}", dirs.size()));
  }
  if (vm.count("out") == 0U) throw CliError("merge: --out: expected a CSV file, got none");
  MergeCommandOptions o;
  o.dir = dirs.front();
  o.csv = vm["out"].as<std::string>();
  o.json = vm.count("json") != 0U ? fs::path(vm["json"].as<std::string>())
                                  : fs::path(o.csv).replace_extension(".json");
  if (o.json == o.csv) {
    throw CliError("merge: --json: expected a file other than the CSV, got " + o.json.string());
  }
  if (vm.count("metric") != 0U)
    o.merge.metric_patterns = vm["metric"].as<std::vector<std::string>>();
  o.merge.allow_missing = vm.count("allow-missing") != 0U;
  return o;
}

void write_output(const fs::path& path, const std::string& text) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  try {
    sweep::write_file_atomically(path, text);
  } catch (const std::runtime_error& e) {
    throw CliError(e.what());
  }
}

}  // namespace

int cmd_merge(const Args& args, std::ostream& out) {
  const std::optional<MergeCommandOptions> o = parse_options(args, out);
  if (!o) return kExitOk;
  sweep::MergeResult merged = sweep::merge_sweep_dir(o->dir, o->merge);
  if (!merged.table) throw CliError(kExitBadInput, std::move(merged.problems));
  const sweep::MergedTable& table = *merged.table;
  write_output(o->csv, sweep::merged_csv(table));
  write_output(o->json, sweep::merged_json(table));
  const std::size_t merged_points = table.points_total - table.missing_points.size();
  out << fmt::format("merge {}: {} of {} points, {} rows\ntable: {}\njson: {}\n", table.sweep_name,
                     merged_points, table.points_total, table.rows.size(), o->csv.string(),
                     o->json.string());
  if (!table.missing_points.empty()) {
    out << fmt::format("warning: {} points missing and left out: {}\n", table.missing_points.size(),
                       sweep::index_ranges(table.missing_points));
  }
  return kExitOk;
}

}  // namespace sliversim::cli
