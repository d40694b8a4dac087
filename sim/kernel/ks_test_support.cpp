// Goodness-of-fit helpers for the sampler tests.
#include "sim/kernel/ks_test_support.hpp"

#include <algorithm>
#include <cmath>

namespace sliversim::kernel::testing {

double ks_statistic(std::span<const double> samples, const std::function<double(double)>& cdf) {
  std::vector<double> sorted(samples.begin(), samples.end());
  std::sort(sorted.begin(), sorted.end());
  const auto n = static_cast<double>(sorted.size());
  double d = 0.0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const double f = cdf(sorted[i]);
    d = std::max(d, std::max(static_cast<double>(i + 1) / n - f, f - static_cast<double>(i) / n));
  }
  return d;
}

double ks_critical(std::size_t n, double alpha) {
  return std::sqrt(-std::log(alpha / 2.0) / 2.0) / std::sqrt(static_cast<double>(n));
}

double chi_square(std::span<const std::uint64_t> observed, std::span<const double> expected) {
  double total = 0.0;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    const double diff = static_cast<double>(observed[i]) - expected[i];
    total += diff * diff / expected[i];
  }
  return total;
}

double chi_square_critical_001(std::size_t dof) {
  const auto k = static_cast<double>(dof);
  const double h = 2.0 / (9.0 * k);
  const double base = 1.0 - h + 3.0902 * std::sqrt(h);
  return k * base * base * base;
}

Moments sample_moments(std::span<const double> samples) {
  const auto n = static_cast<double>(samples.size());
  double mean = 0.0;
  for (const double x : samples) mean += x;
  mean /= n;
  double m2 = 0.0;
  double m4 = 0.0;
  for (const double x : samples) {
    const double d2 = (x - mean) * (x - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  const double variance = m2 / (n - 1.0);
  m4 /= n;
  const double pop_var = m2 / n;
  return Moments{mean, variance, std::sqrt(variance / n),
                 std::sqrt(std::max(0.0, m4 - pop_var * pop_var) / n)};
}

}  // namespace sliversim::kernel::testing
