// Percentiles and the quantile curve of repair durations: known answers, the nearest-rank
// definition checked exhaustively on small samples, and the `cdf` key of the results summary.
#include "sim/schemes/scheme_metrics.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <vector>

#include "sim/report/scheme_results.hpp"

namespace sliversim::schemes {
namespace {

// The smallest sample value v with count(x <= v) >= q * size (q in [0, 1]), by brute force with
// exact integer comparisons: count * (points - 1) >= i * size for q = i / (points - 1).
double brute_quantile(const std::vector<double>& values, std::size_t i, std::size_t points) {
  double best = *std::max_element(values.begin(), values.end());
  for (const double v : values) {
    const auto count = static_cast<std::size_t>(
        std::count_if(values.begin(), values.end(), [&](double x) { return x <= v; }));
    if (count * (points - 1) >= i * values.size() && v < best) best = v;
  }
  return best;
}

TEST_CASE("percentiles are nearest-rank and zero for an empty sample") {
  const Percentiles p = percentiles({5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 9.0, 8.0, 7.0, 6.0});
  CHECK(p.p50 == 5.0);
  CHECK(p.p90 == 9.0);
  CHECK(p.p99 == 10.0);
  CHECK(p.max == 10.0);
  const Percentiles none = percentiles({});
  CHECK(none.p50 == 0.0);
  CHECK(none.max == 0.0);
}

TEST_CASE("the quantile curve of 1..100 at 101 points is 1, 1, 2, ..., 100") {
  std::vector<double> values;
  for (int v = 100; v >= 1; --v) values.push_back(v);
  const std::vector<QuantilePoint> curve = quantile_curve(values, 101);
  REQUIRE(curve.size() == 101);
  CHECK(curve[0].value == 1.0);
  CHECK(curve[0].fraction == 0.0);
  for (std::size_t i = 1; i <= 100; ++i) {
    INFO("i = " << i);
    CHECK(curve[i].value == static_cast<double>(i));  // 0.07 * 100 is rank 7, not 8
    CHECK(curve[i].fraction == doctest::Approx(static_cast<double>(i) / 100.0));
  }
  CHECK(curve[100].fraction == 1.0);
}

TEST_CASE("the quantile curve matches the brute-force nearest rank on every small sample") {
  // Every multiset of 1..6 values drawn from {0, 1, 2, 3}, at 2, 3, 5 and 101 points.
  for (std::size_t size = 1; size <= 6; ++size) {
    std::size_t combos = 1;
    for (std::size_t s = 0; s < size; ++s) combos *= 4;
    for (std::size_t code = 0; code < combos; ++code) {
      std::vector<double> values;
      for (std::size_t c = code, s = 0; s < size; ++s, c /= 4)
        values.push_back(static_cast<double>(c % 4));
      for (const std::size_t points : {2u, 3u, 5u, 101u}) {
        const std::vector<QuantilePoint> curve = quantile_curve(values, points);
        REQUIRE(curve.size() == points);
        for (std::size_t i = 0; i < points; ++i) {
          REQUIRE(curve[i].value == brute_quantile(values, i, points));
          if (i > 0) REQUIRE(curve[i].value >= curve[i - 1].value);
        }
        const Percentiles p = percentiles(values);
        REQUIRE(curve.back().value == p.max);
        if (points == 101) REQUIRE(curve[50].value == p.p50);
        if (points == 101) REQUIRE(curve[90].value == p.p90);
        if (points == 101) REQUIRE(curve[99].value == p.p99);
      }
    }
  }
}

TEST_CASE("the quantile curve of an empty sample is empty") {
  CHECK(quantile_curve({}, 101).empty());
}

TEST_CASE("the results summary carries the repair-duration cdf beside the percentiles") {
  SchemeOutcome with_jobs;
  with_jobs.name = "redstuff";
  with_jobs.metrics = SchemeMetrics(2);
  with_jobs.metrics.epoch(0).repair_seconds = {4.0, 1.0};
  with_jobs.metrics.epoch(1).repair_seconds = {3.0, 2.0};
  SchemeOutcome idle;
  idle.name = "rs_rebuild";
  const nlohmann::json all = report::schemes_json({with_jobs, idle}, model::WorldTrace{});

  const nlohmann::json& seconds = all["redstuff"]["summary"]["repair_seconds"];
  CHECK(seconds["p50"] == 2.0);
  CHECK(seconds["max"] == 4.0);
  const nlohmann::json& cdf = seconds["cdf"];
  REQUIRE(cdf.size() == 101);
  CHECK(cdf[0] == nlohmann::json::array({1.0, 0.0}));
  CHECK(cdf[25] == nlohmann::json::array({1.0, 0.25}));
  CHECK(cdf[26][0] == 2.0);
  CHECK(cdf[50] == nlohmann::json::array({2.0, 0.5}));
  CHECK(cdf[75] == nlohmann::json::array({3.0, 0.75}));
  CHECK(cdf[100] == nlohmann::json::array({4.0, 1.0}));
  // Per epoch only the percentiles; a scheme without jobs has an empty cdf.
  CHECK_FALSE(all["redstuff"]["per_epoch"][0]["repair_seconds"].contains("cdf"));
  CHECK(all["rs_rebuild"]["summary"]["repair_seconds"]["cdf"] == nlohmann::json::array());
}

}  // namespace
}  // namespace sliversim::schemes
