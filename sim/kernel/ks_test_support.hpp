// Goodness-of-fit helpers for the sampler tests: the one-sample Kolmogorov–Smirnov statistic
// and its asymptotic critical value, Pearson's chi-square statistic and its critical value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace sliversim::kernel::testing {

// D_n = sup_x |F_n(x) - F(x)| of the samples against cdf (samples are copied and sorted).
double ks_statistic(std::span<const double> samples, const std::function<double(double)>& cdf);

// The asymptotic critical value of D_n at level alpha: sqrt(-ln(alpha / 2) / 2) / sqrt(n).
double ks_critical(std::size_t n, double alpha);

// Pearson's statistic sum (observed - expected)^2 / expected. REQUIRES: equal sizes, expected > 0.
double chi_square(std::span<const std::uint64_t> observed, std::span<const double> expected);

// The chi-square critical value for `dof` degrees of freedom at level 0.001 (Wilson–Hilferty
// approximation with z = 3.0902).
double chi_square_critical_001(std::size_t dof);

// Sample mean and unbiased sample variance, and the standard errors of each (the variance's from
// the sample fourth central moment: sqrt((m4 - s^4) / n)).
struct Moments {
  double mean;
  double variance;
  double mean_error;
  double variance_error;
};
Moments sample_moments(std::span<const double> samples);

}  // namespace sliversim::kernel::testing
