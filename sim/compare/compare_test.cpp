// compare_results: verdicts, tolerances, selection of metrics and per-epoch series.
#include "sim/compare/compare.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "sim/compare/compare_test_support.hpp"

namespace sliversim::compare {
namespace {

using nlohmann::json;
using testing::sample_results;

constexpr const char* kRedstuffBytes = "/schemes/redstuff/summary/repair_bytes_total";

const MetricRow& row_of(const CompareReport& report, const std::string& metric) {
  for (const MetricRow& row : report.rows) {
    if (row.metric == metric) return row;
  }
  FAIL("no row for " << metric);
  return report.rows.front();
}

bool has_row(const CompareReport& report, const std::string& metric) {
  for (const MetricRow& row : report.rows) {
    if (row.metric == metric) return true;
  }
  return false;
}

// The verdict for `metric` after setting it to `candidate_value` in the candidate.
Verdict verdict_after(const std::string& metric, const json& candidate_value,
                      const CompareOptions& options = {}) {
  json candidate = sample_results();
  candidate[json::json_pointer(metric)] = candidate_value;
  return row_of(compare_results(sample_results(), candidate, options), metric).verdict;
}

}  // namespace

TEST_CASE("identical results compare as all same and pass") {
  const CompareReport report = compare_results(sample_results(), sample_results(), {});
  CHECK(report.rows.size() == 17);  // 8 summary leaves per scheme and one ratio
  CHECK(report.count(Verdict::kSame) == 17);
  CHECK_FALSE(report.regressed());
}

TEST_CASE("a candidate with 5% more repair bytes is a regression") {
  json candidate = sample_results();
  candidate[json::json_pointer(kRedstuffBytes)] = 1050;
  const CompareReport report = compare_results(sample_results(), candidate, {});
  const MetricRow& row = row_of(report, kRedstuffBytes);
  CHECK(row.verdict == Verdict::kWorse);
  CHECK(row.fails);
  CHECK(row.direction == Direction::kLowerIsBetter);
  CHECK(relative_change(row).value() == doctest::Approx(0.05));
  CHECK(report.regressed());
  CHECK(report.count(Verdict::kSame) == 16);
}

TEST_CASE("an improved candidate passes with verdict better") {
  json candidate = sample_results();
  candidate[json::json_pointer(kRedstuffBytes)] = 900;
  candidate["schemes"]["redstuff"]["summary"]["epoch_change_seconds"]["completed"] = 4;
  const CompareReport report = compare_results(sample_results(), candidate, {});
  CHECK(row_of(report, kRedstuffBytes).verdict == Verdict::kBetter);
  CHECK(row_of(report, "/schemes/redstuff/summary/epoch_change_seconds/completed").verdict ==
        Verdict::kBetter);
  CHECK_FALSE(report.regressed());
}

TEST_CASE("fewer completed epoch changes is worse: higher is better there") {
  CHECK(verdict_after("/schemes/redstuff/summary/epoch_change_seconds/completed", 2) ==
        Verdict::kWorse);
}

TEST_CASE("the relative tolerance boundary is inclusive") {
  CompareOptions options;
  options.rel_tol = 0.25;  // of 1000: 250 exactly
  CHECK(verdict_after(kRedstuffBytes, 1250, options) == Verdict::kWithinTolerance);
  CHECK(verdict_after(kRedstuffBytes, 1251, options) == Verdict::kWorse);
  CHECK(verdict_after(kRedstuffBytes, 1001) == Verdict::kWorse);  // default 1e-9 of 1000
  CHECK(verdict_after(kRedstuffBytes, 1000.0000001) == Verdict::kWithinTolerance);
}

TEST_CASE("the absolute tolerance applies when it is the larger one") {
  CompareOptions options;
  options.abs_tol = 300;
  options.rel_tol = 0.25;
  CHECK(verdict_after(kRedstuffBytes, 1300, options) == Verdict::kWithinTolerance);
  CHECK(verdict_after(kRedstuffBytes, 1301, options) == Verdict::kWorse);
  options.abs_tol = 100;  // now 25% of 1000 is larger
  CHECK(verdict_after(kRedstuffBytes, 1250, options) == Verdict::kWithinTolerance);
}

TEST_CASE("any worsening from zero fails under the default tolerance") {
  json baseline = sample_results();
  baseline[json::json_pointer(kRedstuffBytes)] = 0;
  json candidate = baseline;
  candidate[json::json_pointer(kRedstuffBytes)] = 1;
  const CompareReport report = compare_results(baseline, candidate, {});
  CHECK(row_of(report, kRedstuffBytes).verdict == Verdict::kWorse);
  CHECK_FALSE(relative_change(row_of(report, kRedstuffBytes)).has_value());
}

TEST_CASE("large byte counts are compared exactly") {
  json baseline = sample_results();
  const std::uint64_t big = (std::uint64_t{1} << 60) + 1;
  baseline[json::json_pointer(kRedstuffBytes)] = big;
  json candidate = baseline;
  candidate[json::json_pointer(kRedstuffBytes)] = big + 1;  // same double as big
  CompareOptions options;
  options.rel_tol = 0.0;
  CHECK(row_of(compare_results(baseline, candidate, options), kRedstuffBytes).verdict ==
        Verdict::kWorse);
  candidate[json::json_pointer(kRedstuffBytes)] = big - 1;
  CHECK(row_of(compare_results(baseline, candidate, options), kRedstuffBytes).verdict ==
        Verdict::kBetter);
}

TEST_CASE("a metric with no direction is changed, and fails only when strict") {
  const std::string repairs = "/schemes/redstuff/summary/repairs";
  CHECK(verdict_after(repairs, 11.0) == Verdict::kChanged);
  json candidate = sample_results();
  candidate[json::json_pointer(repairs)] = 9.0;
  CHECK_FALSE(compare_results(sample_results(), candidate, {}).regressed());
  CompareOptions strict;
  strict.strict = true;
  CHECK(compare_results(sample_results(), candidate, strict).regressed());
  strict.rel_tol = 0.2;
  CHECK(verdict_after(repairs, 9.0, strict) == Verdict::kWithinTolerance);
}

TEST_CASE("null is n/a: equal to null, changed against a number") {
  const std::string ratio = "/schemes/redstuff/summary/bytes_per_lost_byte";
  CHECK(verdict_after(ratio, nullptr) == Verdict::kSame);
  CHECK(verdict_after(ratio, 1.5) == Verdict::kChanged);
  CHECK(verdict_after("/schemes/rs_rebuild/summary/bytes_per_lost_byte", nullptr) ==
        Verdict::kChanged);
}

TEST_CASE("a metric only in the candidate is informational, only in the baseline fails") {
  json candidate = sample_results();
  candidate["schemes"]["redstuff"]["summary"]["repair_seconds"]["cdf"] = {{0.5, 0.0}, {5.0, 1.0}};
  candidate["schemes"]["rs_rebuild"]["summary"].erase("repairs");
  const CompareReport report = compare_results(sample_results(), candidate, {});
  const MetricRow& added = row_of(report, "/schemes/redstuff/summary/repair_seconds/cdf/1/0");
  CHECK(added.verdict == Verdict::kOnlyInCandidate);
  CHECK_FALSE(added.fails);
  CHECK_FALSE(added.baseline.has_value());
  const MetricRow& gone = row_of(report, "/schemes/rs_rebuild/summary/repairs");
  CHECK(gone.verdict == Verdict::kOnlyInBaseline);
  CHECK(gone.fails);
  CHECK(report.count(Verdict::kOnlyInCandidate) == 4);
  CHECK(report.rows.back().verdict == Verdict::kOnlyInCandidate);  // after the baseline's rows
}

TEST_CASE("a value turned into an object is reported as gone and new") {
  json candidate = sample_results();
  candidate["schemes"]["redstuff"]["summary"]["repairs"] = {{"total", 10.0}};
  const CompareReport report = compare_results(sample_results(), candidate, {});
  CHECK(row_of(report, "/schemes/redstuff/summary/repairs").verdict == Verdict::kOnlyInBaseline);
  CHECK(row_of(report, "/schemes/redstuff/summary/repairs/total").verdict ==
        Verdict::kOnlyInCandidate);
}

TEST_CASE("timing, tool, booleans, strings and non-summary keys are not compared by default") {
  json candidate = sample_results();
  candidate["timing"]["wall_seconds"] = 99.0;
  candidate["tool"]["git"] = "other";
  candidate["schemes"]["redstuff"]["summary"]["analytic"] = true;
  candidate["schemes"]["redstuff"]["summary"]["label"] = "changed";
  candidate["schemes"]["redstuff"]["simulation"]["kernel_events"] = 1;
  candidate["schemes"]["redstuff"]["per_epoch"][1]["repair_bytes_total"] = 999;
  const CompareReport report = compare_results(sample_results(), candidate, {});
  CHECK(report.count(Verdict::kSame) == report.rows.size());
  CompareOptions everything;
  everything.metric_patterns = {"/**"};
  const CompareReport all = compare_results(sample_results(), candidate, everything);
  CHECK_FALSE(has_row(all, "/timing/wall_seconds"));
  CHECK(row_of(all, "/schemes/redstuff/simulation/kernel_events").verdict == Verdict::kChanged);
  CHECK_FALSE(has_row(all, "/schemes/redstuff/per_epoch/1/repair_bytes_total"));
}

TEST_CASE("metric patterns select pointers, globs and subtrees") {
  CompareOptions options;
  options.metric_patterns = {"/schemes/*/summary/repair_bytes_total",
                             "/schemes/redstuff/summary/repair_seconds", "/no/such/key"};
  std::vector<std::string> unmatched;
  const CompareReport report =
      compare_results(sample_results(), sample_results(), options, &unmatched);
  std::vector<std::string> metrics;
  for (const MetricRow& row : report.rows) metrics.push_back(row.metric);
  CHECK(metrics == std::vector<std::string>{"/schemes/redstuff/summary/repair_bytes_total",
                                            "/schemes/redstuff/summary/repair_seconds/max",
                                            "/schemes/redstuff/summary/repair_seconds/p50",
                                            "/schemes/rs_rebuild/summary/repair_bytes_total"});
  CHECK(unmatched == std::vector<std::string>{"/no/such/key"});
}

TEST_CASE("per-epoch series are compared when asked, epoch by epoch") {
  json candidate = sample_results();
  candidate["schemes"]["rs_rebuild"]["per_epoch"][2]["repair_bytes_total"] = 2500;
  CompareOptions options;
  options.per_epoch = true;
  const CompareReport report = compare_results(sample_results(), candidate, options);
  CHECK(report.rows.size() == 17 + 12);  // two fields in each of 3 epochs of 2 schemes
  CHECK(row_of(report, "/schemes/rs_rebuild/per_epoch/2/repair_bytes_total").verdict ==
        Verdict::kWorse);
  CHECK(report.regressed());
}

TEST_CASE("a summary pattern with per-epoch also selects the per-epoch twins") {
  CompareOptions options;
  options.per_epoch = true;
  options.metric_patterns = {"/schemes/redstuff/summary/repair_bytes_total"};
  const CompareReport report = compare_results(sample_results(), sample_results(), options);
  CHECK(report.rows.size() == 4);
  CHECK(has_row(report, "/schemes/redstuff/per_epoch/0/repair_bytes_total"));
  CHECK_FALSE(has_row(report, "/schemes/redstuff/per_epoch/0/epoch"));
}

TEST_CASE("per-epoch series of different lengths fail and only common epochs are compared") {
  json candidate = sample_results();
  auto& series = candidate["schemes"]["redstuff"]["per_epoch"];
  series.push_back({{"epoch", 3}, {"repair_bytes_total", 5}});
  series[1]["repair_bytes_total"] = 300;
  CompareOptions options;
  options.per_epoch = true;
  const CompareReport report = compare_results(sample_results(), candidate, options);
  const MetricRow& length = report.rows.front();
  CHECK(length.metric == "/schemes/redstuff/per_epoch");
  CHECK(length.verdict == Verdict::kLengthDiffers);
  CHECK(length.baseline == json(3));
  CHECK(length.candidate == json(4));
  CHECK(length.fails);
  CHECK_FALSE(has_row(report, "/schemes/redstuff/per_epoch/3/repair_bytes_total"));
  CHECK(row_of(report, "/schemes/redstuff/per_epoch/1/repair_bytes_total").verdict ==
        Verdict::kBetter);
  CHECK(report.count(Verdict::kLengthDiffers) == 1);  // rs_rebuild's series still match
}

TEST_CASE("options with negative tolerances or bad patterns are refused") {
  CHECK(options_problems({}).empty());
  CompareOptions bad;
  bad.rel_tol = -1;
  bad.abs_tol = std::numeric_limits<double>::infinity();
  bad.metric_patterns = {"schemes", "/timing/wall_seconds", "/tool", "/schemes/*/summary"};
  const std::vector<std::string> problems = options_problems(bad);
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].find("--rel-tol") == 0);
  CHECK(problems[1].find("--abs-tol") == 0);
  CHECK(problems[2].find("starting with '/'") != std::string::npos);
  CHECK(problems[3].find("never compared") != std::string::npos);
  CHECK(problems[4].find("/tool") != std::string::npos);
}

TEST_CASE("verdict names") {
  CHECK(verdict_name(Verdict::kSame) == "same");
  CHECK(verdict_name(Verdict::kWithinTolerance) == "within-tolerance");
  CHECK(verdict_name(Verdict::kOnlyInBaseline) == "only-in-baseline");
  CHECK(verdict_name(Verdict::kOnlyInCandidate) == "only-in-candidate");
  CHECK(verdict_name(Verdict::kLengthDiffers) == "length-differs");
}

}  // namespace sliversim::compare
