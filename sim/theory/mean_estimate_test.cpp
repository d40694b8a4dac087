// Student's t quantiles against known values, and the confidence interval of a known sample.
#include "sim/theory/mean_estimate.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace sliversim::theory {
namespace {

TEST_CASE("t(0.975) matches known quantiles, table and expansion alike") {
  CHECK(student_t_975(1) == doctest::Approx(12.706204736).epsilon(1e-10));
  CHECK(student_t_975(2) == doctest::Approx(4.302652730).epsilon(1e-10));
  CHECK(student_t_975(10) == doctest::Approx(2.228138852).epsilon(1e-10));
  CHECK(student_t_975(29) == doctest::Approx(2.045229642).epsilon(1e-10));
  // Exact values (to 10 digits) where the expansion takes over.
  CHECK(std::fabs(student_t_975(30) - 2.042272456) < 4e-8);
  CHECK(std::fabs(student_t_975(40) - 2.021075383) < 1e-9);
  CHECK(std::fabs(student_t_975(100) - 1.983971518) < 1e-9);
  CHECK(std::fabs(student_t_975(19999) - 1.960082611) < 1e-9);
  CHECK(std::fabs(student_t_975(1000000000) - 1.959963985) < 5e-9);
  // Decreasing in the degrees of freedom.
  for (std::uint64_t d = 1; d < 200; ++d) CHECK(student_t_975(d + 1) < student_t_975(d));
  CHECK_THROWS_AS(student_t_975(0), std::invalid_argument);
}

TEST_CASE("1..5: mean 3, stdev sqrt(2.5), half-width t(4) · stdev / sqrt(5)") {
  const std::vector<double> samples = {4.0, 1.0, 5.0, 2.0, 3.0};
  const MeanEstimate e = estimate_mean(samples);
  CHECK(e.count == 5);
  CHECK(e.mean == 3.0);
  CHECK(e.stdev == doctest::Approx(std::sqrt(2.5)).epsilon(1e-15));
  const double half = 2.776445105 * std::sqrt(2.5) / std::sqrt(5.0);
  CHECK(e.ci95_low == doctest::Approx(3.0 - half).epsilon(1e-9));
  CHECK(e.ci95_high == doctest::Approx(3.0 + half).epsilon(1e-9));
  CHECK(e.covers(3.0 + 0.99 * half));
  CHECK_FALSE(e.covers(3.0 + 1.01 * half));
  const std::vector<double> one = {1.0};
  CHECK_THROWS_AS(estimate_mean(one), std::invalid_argument);
}

}  // namespace
}  // namespace sliversim::theory
