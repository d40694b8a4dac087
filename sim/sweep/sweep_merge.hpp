// Merging a sweep's folder: DIR/sweep.json (the plan) and every DIR/point-NNNNN.json, checked to
// belong to that plan, aggregated across seeds per parameter combination. One row per
// (combination, metric) with at least one numeric value among the combination's seeds (a metric
// that is null, "n/a", for every seed gives no row); rows in point order, then by metric
// pointer. Point files are read in index order whatever order the shards wrote them in, so a
// sweep run in shards and merged gives the same table, byte for byte, as one run whole.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/sweep/sample_summary.hpp"

namespace sliversim::sweep {

// What to merge.
struct MergeOptions {
  std::vector<std::string> metric_patterns;  // empty: the summary metrics (sweep_metrics.hpp)
  bool allow_missing = false;  // merge the points present when some are missing (else refuse)
};

// One row of the merged table.
struct MergedRow {
  std::size_t combination = 0;
  nlohmann::json params;  // {axis key: value}
  std::string metric;     // JSON pointer
  SampleSummary stats;    // over the combination's seeds with a numeric value, in seed order
};

// The merged table.
struct MergedTable {
  std::string sweep_name;
  std::vector<std::string> axis_keys;                    // in axis order
  std::vector<std::vector<nlohmann::json>> axis_values;  // per axis
  std::vector<MergedRow> rows;
  std::size_t points_total = 0;
  std::vector<std::size_t> missing_points;  // ascending; empty unless allow_missing
};

// The outcome of a merge.
struct MergeResult {
  std::optional<MergedTable> table;   // set exactly when problems is empty
  std::vector<std::string> problems;  // complete lines naming the file at fault
};

// Merges the sweep folder `dir`. Refused (problems) when: DIR/sweep.json is missing or not a
// plan; a point file is not JSON, belongs to another sweep or plan (its /sweep object differs
// from the plan's point), or has an index the plan does not have; points are missing (unless
// options.allow_missing); a --metric pattern is unusable or selects nothing. Files not named
// point-NNNNN.json are ignored. Never throws for bad input.
MergeResult merge_sweep_dir(const std::filesystem::path& dir, const MergeOptions& options);

}  // namespace sliversim::sweep
