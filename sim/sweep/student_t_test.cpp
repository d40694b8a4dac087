// Student's t against values computed independently to 20 digits (mpmath: the regularized
// incomplete beta function and a root finder), and its symmetries.
#include "sim/sweep/student_t.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

namespace sliversim::sweep {
namespace {

struct Known {
  double p;
  std::uint64_t dof;
  double quantile;
};

// mpmath, 40 significant digits, rounded to 20.
constexpr Known kQuantiles[] = {
    {0.975, 1, 12.706204736174704646},   {0.975, 2, 4.3026527297494638523},
    {0.975, 3, 3.1824463052837095927},   {0.975, 4, 2.7764451051977943578},
    {0.975, 5, 2.5705818356363155147},   {0.975, 9, 2.2621571627982055426},
    {0.975, 10, 2.2281388519862747484},  {0.975, 29, 2.0452296421327042982},
    {0.975, 30, 2.04227245630123831},    {0.975, 100, 1.9839715185235522866},
    {0.975, 1000, 1.962339080826408485}, {0.975, 10000, 1.9602012398906262578},
    {0.995, 5, 4.0321429835552280784},   {0.9, 1, 3.0776835371752534026},
    {0.95, 7, 1.8945786050900073895},    {0.75, 3, 0.76489232840434528066},
    {0.999, 2, 22.327124770119875435},
};

TEST_CASE("t quantiles match independently computed values to 12 digits") {
  for (const Known& k : kQuantiles) {
    INFO("p = " << k.p << ", dof = " << k.dof);
    CHECK(student_t_quantile(k.p, k.dof) == doctest::Approx(k.quantile).epsilon(1e-12));
  }
}

TEST_CASE("t quantiles are odd around the median and invert the CDF") {
  CHECK(student_t_quantile(0.5, 7) == 0.0);
  for (const std::uint64_t dof : {1U, 2U, 3U, 6U, 25U}) {
    for (const double p : {0.01, 0.2, 0.6, 0.95, 0.999}) {
      const double t = student_t_quantile(p, dof);
      CHECK(student_t_quantile(1.0 - p, dof) == doctest::Approx(-t).epsilon(1e-12));
      CHECK(student_t_cdf(t, dof) == doctest::Approx(p).epsilon(1e-12));
    }
  }
}

TEST_CASE("the t CDF matches independently computed values, odd and even dof") {
  CHECK(student_t_cdf(1.0, 1) == doctest::Approx(0.75).epsilon(1e-14));
  CHECK(student_t_cdf(2.0, 3) == doctest::Approx(0.93033701572057841158).epsilon(1e-13));
  CHECK(student_t_cdf(-1.5, 6) == doctest::Approx(0.092140368070741015510).epsilon(1e-13));
  CHECK(student_t_cdf(0.5, 11) == doctest::Approx(0.68653689040807653969).epsilon(1e-13));
  CHECK(student_t_cdf(3.0, 50) == doctest::Approx(0.99789914840646587637).epsilon(1e-13));
  CHECK(student_t_cdf(2.0, 1000) == doctest::Approx(0.97711482675337417998).epsilon(1e-13));
  CHECK(student_t_cdf(0.0, 4) == 0.5);
}

TEST_CASE("the t quantile rises towards the normal 1.959964 as dof grows") {
  double previous = student_t_quantile(0.975, 1);
  for (std::uint64_t dof = 2; dof <= 200; ++dof) {
    const double t = student_t_quantile(0.975, dof);
    CHECK(t < previous);
    CHECK(t > 1.959963984540054);
    previous = t;
  }
}

TEST_CASE("invalid t arguments are refused") {
  CHECK_THROWS_AS(student_t_quantile(0.0, 3), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(1.0, 3), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(0.5, 0), std::invalid_argument);
  CHECK_THROWS_AS(student_t_cdf(1.0, kMaxStudentDof + 1), std::invalid_argument);
  CHECK_THROWS_AS(student_t_cdf(std::nan(""), 3), std::invalid_argument);
}

}  // namespace
}  // namespace sliversim::sweep
