// The comparison behind `sliversim compare` (the CI regression gate): the metrics of a candidate
// results file against a baseline's, each judged by its direction (metric_direction.hpp) and a
// tolerance. A metric is a numeric or null leaf ("n/a") of the results JSON named by its JSON
// pointer; booleans and strings are not metrics; /timing and /tool are never compared.
//
// Which metrics: by default every leaf under /schemes/*/summary and /comparison, plus, with
// per_epoch, every leaf under /schemes/*/per_epoch. With metric patterns (metric_pattern.hpp),
// only the leaves a pattern selects (a pattern naming an object selects everything below it);
// with per_epoch as well, /schemes/S/per_epoch/I/K is also selected when a pattern selects
// /schemes/S/summary/K.
//
// Verdicts. For a metric with a direction, the worsening w is candidate - baseline (lower is
// better) or baseline - candidate (higher is better), and the tolerance is
// max(abs_tol, rel_tol * |baseline|): w = 0 "same", w < 0 "better", 0 < w <= tolerance
// "within-tolerance", w > tolerance "worse" (fails). Without a direction: equal "same", a
// difference within the tolerance "within-tolerance", else "changed" (fails only when strict).
// A null on exactly one side is "changed". A metric only in the baseline is "only-in-baseline"
// (fails: a gated value disappeared); only in the candidate, "only-in-candidate" (informational,
// so results that gained keys still pass). Per-epoch series of different lengths give one
// "length-differs" row for /schemes/S/per_epoch (fails; baseline and candidate are the lengths),
// and only their common epochs are compared.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/compare/metric_direction.hpp"

namespace sliversim::compare {

// The default relative tolerance: identical runs agree exactly, so anything beyond rounding in
// the last printed digit is a real change.
inline constexpr double kDefaultRelTol = 1e-9;

// What to compare and how strictly.
struct CompareOptions {
  double rel_tol = kDefaultRelTol;           // >= 0; fraction of |baseline|
  double abs_tol = 0.0;                      // >= 0; in the metric's own unit
  std::vector<std::string> metric_patterns;  // empty: the summary metrics
  bool per_epoch = false;                    // also the per-epoch series
  bool strict = false;                       // "changed" metrics fail too
};

// The outcome for one metric.
enum class Verdict {
  kSame,
  kBetter,
  kWithinTolerance,
  kWorse,
  kChanged,
  kOnlyInBaseline,
  kOnlyInCandidate,
  kLengthDiffers,
};

// One row of the comparison.
struct MetricRow {
  std::string metric;                      // JSON pointer
  std::optional<nlohmann::json> baseline;  // a number or null; nullopt when absent
  std::optional<nlohmann::json> candidate;
  Direction direction = Direction::kNone;
  Verdict verdict = Verdict::kSame;
  bool fails = false;  // this row makes the comparison a regression
};

// Every row, in a fixed order: length rows first, then the baseline's metrics in document order
// (object keys sorted, array elements by index), then the metrics only the candidate has.
struct CompareReport {
  std::vector<MetricRow> rows;
  // True when some row fails.
  bool regressed() const;
  // How many rows have `verdict`.
  std::size_t count(Verdict verdict) const;
};

// Why `options` cannot be used (one message per problem: a negative or non-finite tolerance, a
// pattern that is not a pointer or lies under /timing or /tool); empty when they can.
std::vector<std::string> options_problems(const CompareOptions& options);

// Compares `candidate` with `baseline` (both results JSON documents). REQUIRES:
// options_problems(options) is empty. Patterns that select nothing in either document are
// returned in `unmatched` when it is not null (the caller decides whether that is an error).
CompareReport compare_results(const nlohmann::json& baseline, const nlohmann::json& candidate,
                              const CompareOptions& options,
                              std::vector<std::string>* unmatched = nullptr);

// The verdict's name as printed: "same", "better", "within-tolerance", "worse", "changed",
// "only-in-baseline", "only-in-candidate", "length-differs".
std::string_view verdict_name(Verdict verdict);

// (candidate - baseline) / |baseline| for two numbers, or nullopt (a side absent or null, or a
// zero baseline).
std::optional<double> relative_change(const MetricRow& row);

}  // namespace sliversim::compare
