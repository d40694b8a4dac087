// The metrics of one results file that merge aggregates. A metric is a numeric or null ("n/a")
// leaf named by its JSON pointer; booleans and strings are not metrics; /timing (wall clock) and
// /tool are never merged. By default the metrics are the summary metrics: the leaves under
// /schemes/*/summary and /comparison reached through objects only (the elements of arrays, such
// as the repair-duration CDF points, are left out: averaging them by position means little).
// `--metric` patterns (sim/compare/metric_pattern.hpp syntax, as `sliversim compare` takes them)
// select any leaves, array elements included.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sliversim::sweep {

// Metric pointer -> value (nullopt for null), sorted by pointer.
using MetricValues = std::map<std::string, std::optional<double>>;

// The summary metrics of `results`.
MetricValues summary_metrics(const nlohmann::json& results);

// The numeric or null leaves of `results` outside /timing and /tool that some pattern selects
// (compare::pattern_selects: the pattern matches the leaf or one of its ancestors).
MetricValues selected_metrics(const nlohmann::json& results,
                              const std::vector<std::string>& patterns);

// Why a pattern cannot be used, one message per bad pattern ("--metric X: expected ..."): not a
// JSON pointer, or under /timing or /tool. Empty when all are usable.
std::vector<std::string> metric_pattern_problems(const std::vector<std::string>& patterns);

}  // namespace sliversim::sweep
